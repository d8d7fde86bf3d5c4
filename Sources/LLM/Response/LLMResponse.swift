/// A parsed successful response. `usage` is nil when the server did not report it.
public struct LLMResponse: Hashable, Sendable {
    public var choices: [LLMChoice]
    public var usage: TokenUsage?
    /// The model name the server reports (may differ from the requested alias).
    public var model: String?
    /// The raw body, kept for the `llm_calls.response` column.
    public var rawBody: String

    public init(choices: [LLMChoice], usage: TokenUsage?, model: String?, rawBody: String) {
        self.choices = choices
        self.usage = usage
        self.model = model
        self.rawBody = rawBody
    }

    /// The first choice's text (most requests ask for one).
    public var content: String { choices.first?.text ?? "" }

    /// The first choice's finish reason.
    public var finishReason: String? { choices.first?.finishReason }
}
