/// Languages dsbench distinguishes; raw values match the `instructions.language` column.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en, zh, ja, ko, other, und
}

/// Guesses a text's language from script proportions, with no model.
///
/// CJK characters are compared with Latin words (units), so a Chinese sentence with one English term
/// stays Chinese. Kana means Japanese, Hangul means Korean. Latin text is English unless it is long
/// enough to judge and has almost no English function words (then it is `other`).
public enum LanguageDetector {
    /// Detects the language of `text`; `und` when it has no letters at all.
    public static func detect(_ text: String) -> Language {
        detect(counts: ScriptCounts(text))
    }

    /// Detects from precomputed counts.
    public static func detect(counts c: ScriptCounts) -> Language {
        let cjk = c.cjk
        let alphabetic = c.latinWords + c.otherWords
        if cjk == 0 && alphabetic == 0 { return .und }
        if cjk > 0 && cjk >= alphabetic {
            if c.hangul > 0 && c.hangul >= c.han + c.kana { return .ko }
            if c.kana > 0 && (c.han == 0 || c.kana * 10 >= c.han + c.kana) { return .ja }
            if c.han > 0 { return .zh }
            return c.kana > 0 ? .ja : .ko
        }
        if c.otherWords > c.latinWords { return .other }
        // Long Latin text with (almost) no English function words is another Latin-script language.
        if c.latinWords >= 12 && c.englishFunctionWords * 25 < c.latinWords { return .other }
        return .en
    }
}
