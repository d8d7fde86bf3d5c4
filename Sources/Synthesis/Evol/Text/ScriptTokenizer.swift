/// Splits text into Latin words and CJK characters; punctuation and spaces separate tokens and are dropped.
public enum ScriptTokenizer {
    /// The tokens of `text` in order.
    public static func tokens(of text: String) -> [ScriptToken] {
        var result: [ScriptToken] = []
        var word = ""
        func flush() {
            if !word.isEmpty {
                result.append(.word(word.lowercased()))
                word = ""
            }
        }
        for character in text {
            if isCJK(character) {
                flush()
                result.append(.cjk(character))
            } else if character.isLetter || character.isNumber || character == "'" && !word.isEmpty {
                word.append(character)
            } else {
                flush()
            }
        }
        flush()
        return result
    }

    /// Length in "words": Latin words count one each, CJK characters half each, so that 80 English words
    /// and 160 Chinese characters are the same length.
    public static func wordEquivalentLength(of text: String) -> Double {
        tokens(of: text).reduce(0) { total, token in
            switch token {
            case .word: total + 1
            case .cjk: total + 0.5
            }
        }
    }

    /// True for Han ideographs, Hiragana, Katakana and Hangul.
    public static func isCJK(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first else { return false }
        switch scalar.value {
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: return true  // Han
        case 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF: return true  // Kana
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: return true  // Hangul
        case 0x3007: return true  // 〇
        default: return false
        }
    }
}
