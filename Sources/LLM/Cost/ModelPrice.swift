/// USD per one million input (prompt) and output (completion) tokens, and the share taken off for calls made
/// through a Batch API (OpenAI and DashScope both charge half: `batchDiscount` 0.5 by default).
public struct ModelPrice: Hashable, Sendable, Codable {
    public var inputPerMillion: Double
    public var outputPerMillion: Double
    /// Fraction 0…1 off the price for Batch API calls.
    public var batchDiscount: Double

    public static let defaultBatchDiscount = 0.5

    public init(inputPerMillion: Double, outputPerMillion: Double, batchDiscount: Double = ModelPrice.defaultBatchDiscount) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
        self.batchDiscount = batchDiscount
    }

    /// Cost of `usage`, at the batch price when `batch` is true.
    public func cost(of usage: TokenUsage, batch: Bool = false) -> Double {
        let full = (Double(usage.promptTokens) * inputPerMillion + Double(usage.completionTokens) * outputPerMillion) / 1_000_000
        return batch ? full * (1 - batchDiscount) : full
    }
}
