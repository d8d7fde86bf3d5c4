/// A failure that would repeat for every request of a run, so sending the others is wasted money and time:
/// the prompt does not fit the model's context (HTTP 400 naming the context length), the key is missing or
/// wrong (401), not allowed (403), or the model or URL does not exist (404).
public struct RunStoppingFailure: Hashable, Sendable, CustomStringConvertible {
    /// The HTTP status that was answered.
    public var status: Int
    /// The server's own message.
    public var message: String
    /// What the user can change, in one sentence.
    public var hint: String

    /// The run-stopping reading of `failure`, or nil when other requests may well succeed (5xx, timeouts,
    /// 429, a 400 about one prompt's content).
    public init?(_ failure: LLMFailure) {
        guard case .http(let status, let message) = failure else { return nil }
        let lowered = message.lowercased()
        switch status {
        case 400 where Self.contextPhrases.contains(where: lowered.contains):
            hint = "the prompt plus max_tokens exceeds the model's context: lower --max-tokens or show fewer examples per prompt"
        case 401:
            hint = "the server refused the API key: check OPENAI_API_KEY (or DASHSCOPE_API_KEY / QWEN_API_KEY) for this --base-url"
        case 403:
            hint = "the API key may not use this model or endpoint: check the key's permissions and --model"
        case 404:
            hint = "the model or URL does not exist on this server: check --model and --base-url (it usually ends in /v1)"
        default:
            return nil
        }
        self.status = status
        self.message = message
    }

    /// Phrases servers use for an over-long request (OpenAI `context_length_exceeded`, vLLM "maximum context
    /// length", llama.cpp "exceeds the available context size", DashScope "Range of input length").
    static let contextPhrases = [
        "context_length", "context length", "context size", "context window", "maximum context",
        "range of input length", "too many tokens", "prompt is too long",
    ]

    public var description: String { "HTTP \(status): \(message) (\(hint))" }
}
