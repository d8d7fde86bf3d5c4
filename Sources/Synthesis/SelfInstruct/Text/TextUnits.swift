/// Counts text the way dsbench measures length everywhere: one unit per CJK character (Han, Kana, Hangul),
/// one per run of Latin letters/digits (a word).
enum TextUnits {
    struct Counts {
        var cjk = 0
        var words = 0
        var total: Int { cjk + words }
    }

    static func counts(_ text: String) -> Counts {
        var result = Counts()
        var inWord = false
        for scalar in text.unicodeScalars {
            if isCJK(scalar) {
                result.cjk += 1
                inWord = false
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "'" && inWord {
                if !inWord { result.words += 1 }
                inWord = true
            } else {
                inWord = false
            }
        }
        return result
    }

    static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F,
            0xF900...0xFAFF, 0x20000...0x2FA1F:
            true
        default:
            false
        }
    }
}
