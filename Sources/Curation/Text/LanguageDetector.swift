/// Languages dsbench distinguishes; raw values match the `instructions.language` column.
public enum Language: String, Sendable, Codable, CaseIterable {
    case en, zh, ja, ko, other, und
}

/// Guesses a text's language from script proportions, with no model.
///
/// CJK characters are compared with Latin words (units), so a Chinese sentence with one English term
/// stays Chinese. Hangul makes a text Korean and Kana Japanese, whatever Han characters it also has;
/// Han-only text is Chinese (see `isHanOnly` for the ambiguity this leaves). Latin text is English unless it is long
/// enough to judge and has almost no English function words (then it is `other`).
public enum LanguageDetector {
    /// Detects the language of `text`; `und` when it has no letters at all.
    public static func detect(_ text: String) -> Language {
        detect(counts: ScriptCounts(text))
    }

    /// True when the counts hold Han characters but no Kana or Hangul: such text reads as Chinese but
    /// could be Japanese kanji or Korean hanja (an address, a name, a classical phrase).
    public static func isHanOnly(_ c: ScriptCounts) -> Bool { c.han > 0 && c.kana == 0 && c.hangul == 0 }

    /// Detects from precomputed counts.
    public static func detect(counts c: ScriptCounts) -> Language {
        let cjk = c.cjk
        let alphabetic = c.latinWords + c.otherWords
        if cjk == 0 && alphabetic == 0 { return .und }
        if cjk > 0 && cjk >= alphabetic {
            // Chinese never uses Hangul or Kana, while Korean and Japanese both write Han characters
            // (漢字 / 한자): any Hangul decides Korean, any Kana Japanese, and only Han-only text is Chinese.
            if c.hangul > 0 && c.hangul >= c.kana { return .ko }
            if c.kana > 0 { return .ja }
            return .zh
        }
        if c.otherWords > c.latinWords { return .other }
        // Long Latin text with (almost) no English function words is another Latin-script language.
        if c.latinWords >= 12 && c.englishFunctionWords * 25 < c.latinWords { return .other }
        return .en
    }
}
