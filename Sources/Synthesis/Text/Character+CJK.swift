import Curation

extension Character {
    /// True for Han, Kana and Hangul, the scripts dsbench counts per character (Curation's `ScriptClass`).
    var isCJK: Bool { unicodeScalars.first.map { ScriptClass.of($0).isCJK } ?? false }
}
