/// The language a model-scoring prompt is written in: Chinese for Chinese instructions, English otherwise
/// (a model answers a rubric best in the language of the text it reads).
public enum ScoringPromptLanguage: String, Sendable, Hashable, CaseIterable {
    case english = "en"
    case chinese = "zh"

    /// Chinese when `LanguageDetector` finds the text Chinese, else English.
    public static func choose(for text: String) -> ScoringPromptLanguage {
        LanguageDetector.detect(text) == .zh ? .chinese : .english
    }
}
