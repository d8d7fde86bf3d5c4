/// A model-free token estimate for length statistics: one token per CJK character, about four characters of
/// other text per token (the usual rule of thumb for BPE vocabularies on English).
enum TokenEstimate {
    static func count(_ text: String) -> Int {
        var cjk = 0
        var other = 0
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if (0x3040...0x30FF).contains(v) || (0x3400...0x4DBF).contains(v) || (0x4E00...0x9FFF).contains(v)
                || (0xAC00...0xD7A3).contains(v) || (0xF900...0xFAFF).contains(v) || (0x20000...0x2FFFF).contains(v) {
                cjk += 1
            } else {
                other += 1
            }
        }
        return cjk + (other + 3) / 4
    }
}
