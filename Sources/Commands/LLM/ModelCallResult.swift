import LLM

/// What `ModelCallRunner` hands the caller's writer for one call, inside the transaction that holds the call's
/// `llm_calls` row: which call (`index` into the array given to `run`), how it ended, and the ledger row to
/// point derived rows at.
struct ModelCallResult {
    /// Position of the call in the array passed to `ModelCallRunner.run`.
    var index: Int
    var outcome: LLMCallOutcome
    /// `llm_calls.id` of the new row, or of the earlier row that answered a cached call.
    var callID: Int64?

    /// The response, nil when the call failed (the failure is already recorded and counted).
    var response: LLMResponse? { outcome.response }
}
