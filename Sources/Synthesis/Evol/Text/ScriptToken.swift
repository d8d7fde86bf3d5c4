/// One unit of text as dsbench counts it: a Latin (or other alphabetic/numeric) word, or a single CJK
/// character, since Chinese has no spaces and is measured per character.
public enum ScriptToken: Sendable, Hashable {
    /// A run of letters or digits outside the CJK scripts, lowercased.
    case word(String)
    /// One Han, Kana or Hangul character.
    case cjk(Character)
}
