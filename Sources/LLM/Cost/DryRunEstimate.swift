/// What a run would cost without sending anything: prompt tokens estimated from the requests, completion
/// tokens bounded by `max_tokens` (or an assumed typical answer length when unset).
public struct DryRunEstimate: Hashable, Sendable {
    public var calls: Int
    public var cachedCalls: Int
    public var promptTokens: Int
    public var completionTokens: Int
    /// USD, or nil when the model has no known price.
    public var cost: Double?
    /// True when `cost` is at the Batch API price (`ModelPrice.batchDiscount` off).
    public var batch: Bool

    /// Completion tokens assumed per call when `max_tokens` is not set.
    public static let assumedCompletionTokens = 512

    public init(requests: [LLMRequest], cachedCount: Int = 0, prices: PriceTable, batch: Bool = false) {
        self.batch = batch
        calls = requests.count
        cachedCalls = cachedCount
        var prompt = 0
        var completion = 0
        var total: Double? = 0
        for request in requests {
            let usage = TokenUsage(
                promptTokens: TokenEstimator.estimatePrompt(of: request),
                completionTokens: (request.parameters.maxTokens ?? Self.assumedCompletionTokens)
                    * max(1, request.parameters.n ?? 1),
                estimated: true)
            prompt += usage.promptTokens
            completion += usage.completionTokens
            if let cost = prices.cost(of: usage, model: request.model, batch: batch), let sum = total {
                total = sum + cost
            } else {
                total = nil
            }
        }
        promptTokens = prompt
        completionTokens = completion
        cost = total
    }
}
