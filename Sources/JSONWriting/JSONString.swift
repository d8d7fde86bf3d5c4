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
