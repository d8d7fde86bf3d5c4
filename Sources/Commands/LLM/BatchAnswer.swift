import LLM

/// A call answered (or failed) by a Batch API line, already written to `llm_calls` when its batch was collected.
struct BatchAnswer {
    /// `llm_calls.id` of the row written for the line.
    var callID: Int64
    var result: Result<LLMResponse, LLMFailure>
    var usage: TokenUsage
    var httpStatus: Int?
    var body: String?
    /// USD at the batch price.
    var cost: Double?
}
