import Curation

/// The language a prompt template is written in. Self-Instruct, Evol-Instruct and the rule augmenter pick
/// English or Chinese from the text itself, so that Chinese seeds get Chinese prompts.
public enum PromptLanguage: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case chinese = "zh"

    /// Chinese when the text's CJK characters (Han, Kana, Hangul) outnumber its words of other scripts.
    ///
    /// Counting CJK per character and Latin per word keeps a Chinese sentence that quotes an English term
    /// (“解释一下 Python 的装饰器”) Chinese, and an English sentence with one Chinese name English.
    public static func detect(_ text: String) -> PromptLanguage {
        detect([text])
    }

    /// The language of several texts taken together (a seed pool): counts are summed before comparing.
    public static func detect(_ texts: [String]) -> PromptLanguage {
        var cjk = 0
        var words = 0
        for text in texts {
            let counts = ScriptCounts(text)
            cjk += counts.cjk
            words += counts.latinWords + counts.otherWords
        }
        return cjk > 0 && cjk >= words ? .chinese : .english
    }
}
