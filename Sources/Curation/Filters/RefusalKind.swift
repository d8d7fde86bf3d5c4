/// What kind of non-answer a refusal finding is.
public enum RefusalKind: String, Sendable, Codable {
    /// The model declines the task ("I'm sorry, but I can't help with that", "抱歉，我无法提供").
    case refusal
    /// The model talks about itself as an AI ("As an AI language model, I...", "作为一个人工智能，我").
    case aiDisclaimer = "ai-disclaimer"
}
