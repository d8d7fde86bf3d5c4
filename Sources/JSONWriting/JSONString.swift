/// JSON string literals, written by hand where dsbench builds JSON text itself (export lines, verdict details,
/// run totals, `sql --json`): faster than JSONSerialization on hot paths and with a stable key order.
/// Escapes `"`, `\` and control characters (short forms for \b \f \n \r \t); everything else, including
/// non-ASCII text such as Chinese, is written as UTF-8.
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

    @inline(__always) static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: [92, 34])
            case UInt8(ascii: "\\"): out.append(contentsOf: [92, 92])
            case UInt8(ascii: "\n"): out.append(contentsOf: [92, UInt8(ascii: "n")])
            case UInt8(ascii: "\r"): out.append(contentsOf: [92, UInt8(ascii: "r")])
            case UInt8(ascii: "\t"): out.append(contentsOf: [92, UInt8(ascii: "t")])
            case 0x08: out.append(contentsOf: [92, UInt8(ascii: "b")])
            case 0x0C: out.append(contentsOf: [92, UInt8(ascii: "f")])
            case 0..<0x20:
                out.append(contentsOf: [92, UInt8(ascii: "u"), 48, 48])
                out.append(hexDigits[Int(byte >> 4)])
                out.append(hexDigits[Int(byte & 0x0F)])
            default: out.append(byte)
            }
        }
    }

    static let hexDigits = Array("0123456789abcdef".utf8)
}
