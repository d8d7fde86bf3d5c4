import Curation

/// The language a prompt template is written in. Evol-Instruct and the rule augmenter pick English or
/// Chinese from the instruction itself so that a Chinese seed is evolved with Chinese wording.
public enum PromptLanguage: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case chinese = "zh"

    /// Chinese when the text's CJK characters (Han, Kana, Hangul) outnumber its Latin words.
    ///
    /// Counting CJK per character and Latin per word keeps a Chinese sentence that quotes an English term
    /// (“解释一下 Python 的装饰器”) Chinese, and an English sentence with one Chinese name English.
    public static func detect(_ text: String) -> PromptLanguage {
        let counts = ScriptCounts(text)
        return counts.cjk > 0 && counts.cjk >= counts.latinWords + counts.otherWords ? .chinese : .english
    }
}
