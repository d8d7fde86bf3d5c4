/// How many units of each script a text holds: Latin/other words and CJK characters.
/// The basis of language detection and of the language-mismatch rule.
public struct ScriptCounts: Sendable, Equatable {
    public var han = 0
    public var kana = 0
    public var hangul = 0
    /// Words written in Latin letters.
    public var latinWords = 0
    /// Words in other alphabets (Cyrillic, Greek, Arabic...).
    public var otherWords = 0
    /// Latin words that are common English function words ("the", "and", "of"...).
    public var englishFunctionWords = 0
    /// Runs of digits not attached to letters.
    public var numbers = 0

    public init() {}

    /// All CJK characters.
    public var cjk: Int { han + kana + hangul }

    /// Counts a text. Words are maximal runs of letters/digits; a word's script is its first letter's.
    public init(_ text: String) {
        self.init()
        add(text)
    }

    /// Adds the counts of another text, as if it followed the texts counted so far after a space (a word
    /// never runs across the join), so `ScriptCounts(a)` then `add(b)` equals `ScriptCounts(a + " " + b)`.
    public mutating func add(_ text: String) {
        // The word's first 8 ASCII bytes, lowercased, packed little-endian (enough to match a function word).
        var packed: UInt64 = 0
        var packedCount = 0
        var wordScript: ScriptClass? = nil
        var wordHasLetter = false
        var wordIsASCII = true
        func flush() {
            guard let script = wordScript else { return }
            if !wordHasLetter {
                numbers += 1
            } else if script == .latin {
                latinWords += 1
                if wordIsASCII && packedCount <= 5 && ScriptCounts.functionWords.contains(packed) {
                    englishFunctionWords += 1
                }
            } else {
                otherWords += 1
            }
            packed = 0
            packedCount = 0
            wordScript = nil
            wordHasLetter = false
            wordIsASCII = true
        }
        for scalar in text.unicodeScalars {
            let cls = ScriptClass.of(scalar)
            switch cls {
            case .han: flush(); han += 1
            case .kana: flush(); kana += 1
            case .hangul: flush(); hangul += 1
            case .latin, .otherLetter, .digit:
                if cls != .digit {
                    if !wordHasLetter { wordScript = cls }
                    wordHasLetter = true
                } else if wordScript == nil {
                    wordScript = .digit
                }
                if scalar.value < 0x80 {
                    if packedCount < 8 {
                        packed |= UInt64(UInt8(scalar.value) | 0x20) << (8 * UInt64(packedCount))
                        packedCount += 1
                    }
                } else {
                    wordIsASCII = false
                }
            default:
                // Only scalars classed `.other` can be nonspacing marks (ScriptClass puts none in the
                // whitespace, punctuation or symbol classes), so the property lookup is skipped for those.
                if wordScript != nil && cls == .other && scalar.properties.generalCategory == .nonspacingMark { continue }
                flush()
            }
        }
        flush()
    }

    /// Common English function words, packed as `add` packs a word's bytes.
    static let functionWords: Set<UInt64> = Set(
        ["the", "and", "of", "to", "a", "an", "in", "is", "are", "for", "that", "with", "on", "it", "as",
         "be", "this", "by", "or", "from", "at", "was", "you", "your", "can", "will", "not", "have", "has",
         "which", "what", "how", "its", "their", "they", "we", "i", "my", "do", "does", "if", "but", "all",
         "one", "more", "into", "about", "write", "give", "make", "list", "name", "given"]
            .map { word in word.utf8.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) } })
}
