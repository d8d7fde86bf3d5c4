/// A rendered model-scoring prompt: the user message to send, the language it was written in and the
/// template identifier (`name@version`) recorded with the run and each score.
public struct ScoringPrompt: Sendable, Hashable {
    public var text: String
    public var language: ScoringPromptLanguage
    public var template: String

    public init(text: String, language: ScoringPromptLanguage, template: String) {
        self.text = text
        self.language = language
        self.template = template
    }
}
