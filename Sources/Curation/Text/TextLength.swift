/// Length of a text in "units": one per word of a per-word script (Latin, Cyrillic, digits...)
/// plus one per CJK character. This makes English and Chinese lengths comparable.
public enum TextLength {
    /// Counts units: maximal runs of word characters count once, every Han/Kana/Hangul scalar once.
    public static func units(_ text: String) -> Int {
        var count = 0
        var inWord = false
        var utf8 = text.utf8.makeIterator()
        // Fast path over bytes; fall back to scalars only for non-ASCII sequences.
        var sawNonASCII = false
        while let b = utf8.next() {
            if b >= 0x80 { sawNonASCII = true; break }
            let wordByte = (b >= 0x30 && b <= 0x39) || (b | 0x20 >= 0x61 && b | 0x20 <= 0x7A)
            if wordByte {
                if !inWord { count += 1; inWord = true }
            } else {
                inWord = false
            }
        }
        if !sawNonASCII { return count }
        return scalarUnits(text)
    }

    /// The general path: classify every scalar.
    static func scalarUnits(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for scalar in text.unicodeScalars {
            let cls = ScriptClass.of(scalar)
            if cls.isCJK {
                count += 1
                inWord = false
            } else if cls.isWordCharacter {
                if !inWord { count += 1; inWord = true }
            } else if inWord && scalar.value >= 0x300 && scalar.properties.generalCategory == .nonspacingMark {
                // (No scalar below U+0300 is a nonspacing mark: the property lookup is skipped for them.)
                continue  // combining accents stay inside their word
            } else {
                inWord = false
            }
        }
        return count
    }
}
