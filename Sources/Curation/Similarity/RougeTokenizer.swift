/// The ROUGE tokeniser: Python `rouge_score`'s default tokeniser for Latin text, extended to every script.
///
/// - ASCII and other Latin-script text: rouge_score's rule exactly. It lower-cases the text, turns every run
///   of characters outside [a-z0-9] into a separator and keeps the [a-z0-9]+ runs (so accented letters
///   separate, "café" → "caf"). Only two non-ASCII characters lower-case to ASCII in Python (U+0130 İ → "i" +
///   combining dot, U+212A Kelvin sign → "k"); they are mapped the same way, so scores equal rouge_score's.
/// - Han, Kana, Hangul: one token per character (rouge_score drops them and scores CJK text 0).
/// - Texts whose letters are mostly in other alphabets (Cyrillic, Greek, Arabic, Hebrew, Devanagari, …):
///   those letters form lower-cased words split at Unicode word boundaries (a word is a run of letters,
///   digits and combining marks), where rouge_score would drop them and score identical texts 0. Thai, Lao,
///   Khmer and Myanmar, written without spaces between words, give one token per character with its
///   combining marks. A mostly-Latin text keeps rouge_score's tokens, so a "π" in English is dropped as there.
public enum RougeTokenizer {
    /// Tokens of `text` as strings.
    public static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        forEachToken(text) { bytes in result.append(String(decoding: bytes, as: UTF8.self)) }
        return result
    }

    /// What the pending token is made of; a change of kind ends the token.
    enum RunKind { case none, ascii, word, cluster }

    /// Calls `body` with the UTF-8 bytes of each token, in order. The buffer is only valid during the call.
    public static func forEachToken(_ text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var run: [UInt8] = []
        run.reserveCapacity(32)
        var kind = RunKind.none
        func flush() {
            if !run.isEmpty {
                run.withUnsafeBufferPointer(body)
                run.removeAll(keepingCapacity: true)
            }
            kind = .none
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
        // Texts mostly in other alphabets get word tokens for those letters; texts mostly in Latin letters keep
        // rouge_score's tokens exactly (a "π" or "ΔT" inside English is dropped, as rouge_score drops it).
        var latinLetters = 0, otherLetters = 0
        for scalar in text.unicodeScalars {
            if scalar.value < 0x80 { if tokenByte(UInt8(scalar.value)) != nil { latinLetters += 1 } }
            else {
                switch ScriptClass.of(scalar) {
                case .latin: latinLetters += 1
                case .otherLetter: otherLetters += 1
                default: break
                }
            }
        }
        let otherScript = otherLetters > latinLetters
        func append(_ scalar: Unicode.Scalar, lowered: Bool) {
            if lowered && scalar.properties.changesWhenLowercased {
                run.append(contentsOf: scalar.properties.lowercaseMapping.utf8)
            } else {
                run.append(contentsOf: String(scalar).utf8)
            }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                if let t = tokenByte(UInt8(v)) {
                    if kind != .ascii { flush(); kind = .ascii }
                    run.append(t)
                } else {
                    flush()
                }
                continue
            }
            if v == 0x212A {  // KELVIN SIGN lower-cases to "k"
                if kind != .ascii { flush(); kind = .ascii }
                run.append(0x6B)
                continue
            }
            if v == 0x130 {  // "İ" lower-cases to "i" + U+0307, which then separates
                if kind != .ascii { flush(); kind = .ascii }
                run.append(0x69)
                flush()
                continue
            }
            let cls = ScriptClass.of(scalar)
            if cls.isCJK {
                flush()
                var utf8 = Array(String(scalar).utf8)
                utf8.withUnsafeMutableBufferPointer { body(UnsafeBufferPointer($0)) }
                continue
            }
            if isMark(scalar) {
                // A combining mark stays with the word or character it modifies (none in rouge_score's Latin).
                if kind == .word || kind == .cluster { append(scalar, lowered: false) } else { flush() }
                continue
            }
            guard otherScript, cls == .otherLetter || (cls == .digit && kind == .word) else {
                flush()  // accented Latin, non-ASCII punctuation, symbols, spaces: separators, as in rouge_score
                continue
            }
            if isPerCharacterScript(v) {
                flush()
                kind = .cluster
                append(scalar, lowered: false)
            } else {
                if kind != .word { flush(); kind = .word }
                append(scalar, lowered: true)
            }
        }
        flush()
    }

    /// Thai, Lao, Myanmar and Khmer blocks: scripts without spaces between words, tokenised per character.
    @inline(__always) static func isPerCharacterScript(_ v: UInt32) -> Bool {
        (0x0E00...0x0EFF).contains(v) || (0x1000...0x109F).contains(v) || (0x1780...0x17FF).contains(v)
            || (0x19E0...0x19FF).contains(v) || (0xA9E0...0xA9FF).contains(v) || (0xAA60...0xAA7F).contains(v)
    }

    @inline(__always) static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.value < 0x300 { return false }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// An ASCII byte as it appears in a token (A-Z lower-cased), or nil for a separator.
    @inline(__always) static func tokenByte(_ b: UInt8) -> UInt8? {
        if b >= 0x61 && b <= 0x7A || b >= 0x30 && b <= 0x39 { return b }
        if b >= 0x41 && b <= 0x5A { return b | 0x20 }
        return nil
    }
}
