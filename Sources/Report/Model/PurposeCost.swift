/// LLM calls grouped by purpose (evol-rewrite, score-judge…) and model, from `llm_calls`.
public struct PurposeCost: Sendable, Equatable {
    public var purpose: String
    public var model: String
    public var calls: Int
    public var failed: Int
    public var promptTokens: Int
    public var completionTokens: Int
    /// US dollars.
    public var cost: Double

    public init(purpose: String, model: String, calls: Int, failed: Int, promptTokens: Int, completionTokens: Int,
                cost: Double) {
        self.purpose = purpose
        self.model = model
        self.calls = calls
        self.failed = failed
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.cost = cost
    }
}
