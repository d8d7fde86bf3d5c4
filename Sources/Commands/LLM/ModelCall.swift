import LLM

/// One request for `ModelCallRunner`, with the purpose recorded in `llm_calls.purpose` (e.g. `evol-rewrite`).
struct ModelCall: Sendable {
    var request: LLMRequest
    var purpose: String

    init(_ request: LLMRequest, purpose: String) {
        self.request = request
        self.purpose = purpose
    }
}
