/// The ROUGE tokeniser: Python `rouge_score`'s default tokeniser plus one token per CJK character.
///
/// rouge_score lower-cases the text, turns every run of characters outside [a-z0-9] into a separator
/// and keeps the [a-z0-9]+ runs. Only two non-ASCII characters lower-case to ASCII in Python (U+0130 İ
/// → "i" + combining dot, U+212A Kelvin sign → "k"); they are mapped the same way here so scores on
/// non-CJK text equal rouge_score's exactly. Han/Kana/Hangul characters, which rouge_score drops (it
/// scores Chinese 0), become one token each.
public enum RougeTokenizer {
    /// Tokens of `text` as strings.
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        forEachToken(text) { bytes in result.append(String(decoding: bytes, as: UTF8.self)) }
        return result
    }

    /// Calls `body` with the UTF-8 bytes of each token, in order. The buffer is only valid during the call.
    public static func forEachToken(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var run: [UInt8] = []
        run.reserveCapacity(32)
        func flush() {
            if !run.isEmpty {
                run.withUnsafeBufferPointer(body)
                run.removeAll(keepingCapacity: true)
            }
        }
        var isASCII = true
        for b in text.utf8 where b >= 0x80 { isASCII = false; break }
        if isASCII {
            for b in text.utf8 {
                if let t = tokenByte(b) { run.append(t) } else { flush() }
            }
            flush()
            return
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if let t = tokenByte(UInt8(v)) { run.append(t) } else { flush() }
            } else if v == 0x212A {  // KELVIN SIGN lower-cases to "k"
                run.append(0x6B)
            } else if v == 0x130 {  // "İ" lower-cases to "i" + U+0307, which then separates
                run.append(0x69)
                flush()
            } else if ScriptClass.of(scalar).isCJK {
                flush()
                var utf8 = Array(String(scalar).utf8)
                utf8.withUnsafeMutableBufferPointer { body(UnsafeBufferPointer($0)) }
            } else {
                flush()
            }
        }
        flush()
    }

    /// An ASCII byte as it appears in a token (A-Z lower-cased), or nil for a separator.
    @inline(__always) static func tokenByte(_ b: UInt8) -> UInt8? {
        if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 { return b }
        if b >= 0x41 && b <= 0x5A { return b | 0x20 }
        return nil
    }
}
