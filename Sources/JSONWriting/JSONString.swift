/// JSON string literals, written by hand where dsbench builds JSON text itself (export lines, verdict details,
/// run totals, `sql --json`): faster than JSONSerialization on hot paths and with a stable key order.
/// Escapes `"`, `\` and control characters (short forms for \b \f \n \r \t, `\u00XX` for the rest, RFC 8259
/// section 7); everything else, including non-ASCII text such as Chinese, U+2028/U+2029 and characters beyond
/// the BMP, is written as its UTF-8 bytes.
public enum JSONString {
    /// `text` as a JSON string literal.
    public static func quote(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string literal to a String.
    public static func append(_ text: String, to out: inout String) {
        out += "\""
        if text.utf8.contains(where: needsEscape) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count + 8)
            appendEscaped(text, to: &bytes)
            out += String(decoding: bytes, as: UTF8.self)
        } else {
            out += text
        }
        out += "\""
    }

    /// Appends `text` as a JSON string literal to UTF-8 bytes.
    public static func append(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(text, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    /// Appends UTF-8 text (for instance a database column read in place) as a JSON string literal; the bytes
    /// are copied as they are, so they must be valid UTF-8 for the result to be valid JSON.
    public static func append(utf8 text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        appendEscaped(utf8: text, to: &out)
        out.append(UInt8(ascii: "\""))
    }

    @inline(__always) static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    /// Appends the escaped text without the quotes.
    public static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { appendEscaped(utf8: $0, to: &out) }
    }

    /// Appends the escaped UTF-8 text without the quotes (for a template that holds them). Copies the runs
    /// between escaped bytes in one piece each: most texts have no byte to escape at all.
    public static func appendEscaped(utf8 text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        guard let base = text.baseAddress else { return }
        var runStart = 0
        var index = 0
        let count = text.count
        while index < count {
            // Eight bytes at a time while none of them needs escaping.
            if index + 8 <= count, !wordNeedsEscape(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) {
                index += 8
                continue
            }
            if needsEscape(text[index]) {
                if runStart < index { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart)) }
                appendEscape(of: text[index], to: &out)
                runStart = index + 1
            }
            index += 1
        }
        if runStart < count { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart)) }
    }

    /// Appends the escaped text without the quotes if it is well-formed UTF-8 (Unicode 15, table 3-7) and
    /// returns true; returns false at the first ill-formed sequence, having appended part of it (the caller
    /// discards that). One pass checks and escapes: a database column can be written without first being
    /// made a String, which would replace ill-formed bytes with U+FFFD.
    public static func appendEscaped(validating text: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) -> Bool {
        guard let base = text.baseAddress else { return true }
        var runStart = 0
        var index = 0
        let count = text.count
        while index < count {
            if index + 8 <= count {
                let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 == 0, !wordNeedsEscape(word) {
                    index += 8
                    continue
                }
            }
            let byte = text[index]
            if byte < 0x80 {
                if needsEscape(byte) {
                    if runStart < index { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: index - runStart)) }
                    appendEscape(of: byte, to: &out)
                    runStart = index + 1
                }
                index += 1
            } else {
                let length = sequenceLength(text, at: index)
                if length == 0 { return false }
                index += length
            }
        }
        if runStart < count { out.append(contentsOf: UnsafeBufferPointer(start: base + runStart, count: count - runStart)) }
        return true
    }

    /// Length of the well-formed multi-byte UTF-8 sequence starting at `index`, or 0 if it is ill-formed.
    private static func sequenceLength(_ text: UnsafeBufferPointer<UInt8>, at index: Int) -> Int {
        let lead = text[index]
        let length: Int
        var low: UInt8 = 0x80, high: UInt8 = 0xBF  // the allowed range of the second byte
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: return 0
        }
        guard index + length <= text.count, (low...high).contains(text[index + 1]) else { return 0 }
        for offset in 2..<length where text[index + offset] & 0xC0 != 0x80 { return 0 }
        return length
    }

    /// True when one of the eight bytes is below 0x20, a quote or a backslash ("determine if a word has a
    /// byte less than n" and "has a zero byte", Sean Anderson's bit twiddling hacks); may answer true for a
    /// byte at or above 0x80 next to such bytes, which only sends the word to the byte-wise check.
    @inline(__always) private static func wordNeedsEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ x: UInt64) -> Bool { (x &- ones) & ~x & highs != 0 }
        let below = (word &- ones &* 0x20) & ~word & highs
        return below != 0 || hasZero(word ^ (ones &* 0x22)) || hasZero(word ^ (ones &* 0x5C))
    }

    private static func appendEscape(of byte: UInt8, to out: inout [UInt8]) {
        out.append(92)
        switch byte {
        case UInt8(ascii: "\""): out.append(34)
        case UInt8(ascii: "\\"): out.append(92)
        case UInt8(ascii: "\n"): out.append(UInt8(ascii: "n"))
        case UInt8(ascii: "\r"): out.append(UInt8(ascii: "r"))
        case UInt8(ascii: "\t"): out.append(UInt8(ascii: "t"))
        case 0x08: out.append(UInt8(ascii: "b"))
        case 0x0C: out.append(UInt8(ascii: "f"))
        default:
            out.append(UInt8(ascii: "u"))
            out.append(48)
            out.append(48)
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
}
