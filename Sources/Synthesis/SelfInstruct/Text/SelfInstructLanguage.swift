import Curation

/// Which wording Self-Instruct prompts use. The pool's language picks it: Chinese seeds get Chinese prompts.
public enum SelfInstructLanguage: String, Sendable, CaseIterable, Codable {
    case english = "en"
    case chinese = "zh"

    /// Chinese when CJK characters outnumber Latin words across the texts (Curation's `ScriptCounts`).
    public static func detect(_ texts: [String]) -> SelfInstructLanguage {
        var cjk = 0
        var words = 0
        for text in texts {
            let counts = ScriptCounts(text)
            cjk += counts.cjk
            words += counts.latinWords + counts.otherWords + counts.numbers
        }
        return cjk > 0 && cjk >= words ? .chinese : .english
    }

    public static func detect(_ text: String) -> SelfInstructLanguage { detect([text]) }
}
