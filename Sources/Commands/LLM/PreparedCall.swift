import LLM

/// A request ready to send: its cache hash, the purpose recorded in `llm_calls`, and the budget it reserves.
struct PreparedCall: Sendable {
    var request: LLMRequest
    var hash: String
    var purpose: String
    /// Worst-case USD this call may cost (reserved against `--max-cost` while in flight).
    var reservation: Double
}
