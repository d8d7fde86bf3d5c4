/// USD per one million input (prompt) and output (completion) tokens.
public struct ModelPrice: Hashable, Sendable, Codable {
    public var inputPerMillion: Double
    public var outputPerMillion: Double

    public init(inputPerMillion: Double, outputPerMillion: Double) {
        self.inputPerMillion = inputPerMillion
        self.outputPerMillion = outputPerMillion
    }

    public func cost(of usage: TokenUsage) -> Double {
        (Double(usage.promptTokens) * inputPerMillion + Double(usage.completionTokens) * outputPerMillion) / 1_000_000
    }
}
