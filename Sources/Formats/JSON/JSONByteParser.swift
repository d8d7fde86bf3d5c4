/// Parses one JSON text (RFC 8259) straight from its UTF-8 bytes into a `JSONValue`, without the
/// NSString/NSNumber/NSDictionary per value that `JSONSerialization` makes (the import hot path).
///
/// It takes only the plain road and gives up (returns nil) wherever Foundation is lenient or particular, so the
/// caller can fall back to `JSONValue.parse` and get Foundation's value or Foundation's error message:
/// trailing commas, a byte order mark, a duplicate key (Foundation keeps the last), unescaped control
/// characters, unpaired `\u` surrogates, invalid UTF-8, any byte outside a string that JSON does not allow,
/// nesting deeper than `maximumDepth`. Numbers: an integer of at most 18 digits becomes `.int` here (as
/// Foundation makes it); any other number token is handed to Foundation on its own, so `1.0`, `1e2`,
/// `-9223372036854775808` or a 30-digit integer come out exactly as `JSONValue.parse` gives them.
/// Strings keep their scalars as written (no normalisation); `\uD83D\uDE00` pairs become one scalar.
public enum JSONByteParser {
    /// Deeper nesting is left to Foundation.
    public static let maximumDepth = 256

    /// The value of `bytes`, or nil when the fast path gives up (see the type's description).
    public static func parse(_ bytes: [UInt8]) -> JSONValue? {
        bytes.withUnsafeBufferPointer { parse($0) }
    }

    /// The value of `bytes`, or nil when the fast path gives up (see the type's description).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return nil }
        var cursor = Cursor(base: base, end: bytes.count)
        guard let value = cursor.value(depth: 0) else { return nil }
        cursor.skipWhitespace()
        return cursor.index == cursor.end ? value : nil
    }

    private struct Cursor {
        let base: UnsafePointer<UInt8>
        let end: Int
        var index = 0
        /// Bytes of a string with escapes, reused between strings.
        var scratch: [UInt8] = []

        init(base: UnsafePointer<UInt8>, end: Int) {
            self.base = base
            self.end = end
        }

        @inline(__always)
        mutating func skipWhitespace() {
            while index < end {
                let byte = base[index]
                guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
                index += 1
            }
        }

        mutating func value(depth: Int) -> JSONValue? {
            skipWhitespace()
            guard index < end else { return nil }
            switch base[index] {
            case UInt8(ascii: "\""):
                return string().map(JSONValue.string)
            case UInt8(ascii: "{"):
                return object(depth: depth + 1)
            case UInt8(ascii: "["):
                return array(depth: depth + 1)
            case UInt8(ascii: "t"):
                return literal("true", .bool(true))
            case UInt8(ascii: "f"):
                return literal("false", .bool(false))
            case UInt8(ascii: "n"):
                return literal("null", .null)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return number()
            default:
                return nil
            }
        }

        mutating func literal(_ word: StaticString, _ value: JSONValue) -> JSONValue? {
            let count = word.utf8CodeUnitCount
            guard end - index >= count else { return nil }
            let letters = word.utf8Start
            for offset in 0..<count where base[index + offset] != letters[offset] { return nil }
            index += count
            return value
        }

        mutating func object(depth: Int) -> JSONValue? {
            guard depth <= JSONByteParser.maximumDepth else { return nil }
            index += 1  // {
            var fields: [String: JSONValue] = [:]
            skipWhitespace()
            if index < end, base[index] == UInt8(ascii: "}") {
                index += 1
                return .object(fields)
            }
            while true {
                skipWhitespace()
                guard index < end, base[index] == UInt8(ascii: "\""), let key = string() else { return nil }
                skipWhitespace()
                guard index < end, base[index] == UInt8(ascii: ":") else { return nil }
                index += 1
                guard let item = value(depth: depth) else { return nil }
                // A repeated key (Foundation keeps the last; Swift also merges canonically equal keys): give up.
                guard fields.updateValue(item, forKey: key) == nil else { return nil }
                skipWhitespace()
                guard index < end else { return nil }
                let byte = base[index]
                index += 1
                if byte == UInt8(ascii: "}") { return .object(fields) }
                guard byte == UInt8(ascii: ",") else { return nil }
            }
        }

        mutating func array(depth: Int) -> JSONValue? {
            guard depth <= JSONByteParser.maximumDepth else { return nil }
            index += 1  // [
            var items: [JSONValue] = []
            skipWhitespace()
            if index < end, base[index] == UInt8(ascii: "]") {
                index += 1
                return .array(items)
            }
            while true {
                guard let item = value(depth: depth) else { return nil }
                items.append(item)
                skipWhitespace()
                guard index < end else { return nil }
                let byte = base[index]
                index += 1
                if byte == UInt8(ascii: "]") { return .array(items) }
                guard byte == UInt8(ascii: ",") else { return nil }
            }
        }

        /// A string starting at the opening quote; nil for a control character, a bad escape, an unpaired
        /// surrogate or invalid UTF-8.
        mutating func string() -> String? {
            index += 1  // "
            let start = index
            while index < end {
                let byte = base[index]
                if byte == UInt8(ascii: "\"") {
                    let text = String(validating: UnsafeBufferPointer(start: base + start, count: index - start), as: UTF8.self)
                    index += 1
                    return text
                }
                if byte == UInt8(ascii: "\\") { return escapedString(from: start) }
                if byte < 0x20 { return nil }
                index += 1
            }
            return nil
        }

        /// The rest of a string that has escapes; `start` is its first byte, `index` the first backslash.
        mutating func escapedString(from start: Int) -> String? {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: UnsafeBufferPointer(start: base + start, count: index - start))
            while index < end {
                let byte = base[index]
                if byte == UInt8(ascii: "\"") {
                    index += 1
                    return String(validating: scratch, as: UTF8.self)
                }
                if byte < 0x20 { return nil }
                guard byte == UInt8(ascii: "\\") else {
                    scratch.append(byte)
                    index += 1
                    continue
                }
                guard index + 1 < end else { return nil }
                let escape = base[index + 1]
                index += 2
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): scratch.append(escape)
                case UInt8(ascii: "b"): scratch.append(0x08)
                case UInt8(ascii: "f"): scratch.append(0x0C)
                case UInt8(ascii: "n"): scratch.append(0x0A)
                case UInt8(ascii: "r"): scratch.append(0x0D)
                case UInt8(ascii: "t"): scratch.append(0x09)
                case UInt8(ascii: "u"):
                    guard var unit = hex4() else { return nil }
                    if (0xDC00...0xDFFF).contains(unit) { return nil }
                    if (0xD800...0xDBFF).contains(unit) {
                        guard index + 1 < end, base[index] == UInt8(ascii: "\\"), base[index + 1] == UInt8(ascii: "u")
                        else { return nil }
                        index += 2
                        guard let low = hex4(), (0xDC00...0xDFFF).contains(low) else { return nil }
                        unit = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let scalar = Unicode.Scalar(unit) else { return nil }
                    scratch.append(contentsOf: UTF8.encode(scalar)!)
                default:
                    return nil
                }
            }
            return nil
        }

        /// Four hex digits after `\u`.
        mutating func hex4() -> UInt32? {
            guard end - index >= 4 else { return nil }
            var unit: UInt32 = 0
            for _ in 0..<4 {
                let byte = base[index]
                let digit: UInt8
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
                case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
                case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
                default: return nil
                }
                unit = unit << 4 | UInt32(digit)
                index += 1
            }
            return unit
        }

        /// A number: short integers here, any other token through Foundation on its own.
        mutating func number() -> JSONValue? {
            let start = index
            var simple = true
            while index < end {
                let byte = base[index]
                switch byte {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): break
                case UInt8(ascii: "-"): if index != start { simple = false }
                case UInt8(ascii: "+"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): simple = false
                default:
                    return number(from: start, simple: simple)
                }
                index += 1
            }
            return number(from: start, simple: simple)
        }

        func number(from start: Int, simple: Bool) -> JSONValue? {
            let negative = base[start] == UInt8(ascii: "-")
            let digits = index - start - (negative ? 1 : 0)
            let first = start + (negative ? 1 : 0)
            // No leading zero (Foundation rejects "01") and at most 18 digits: always an Int64.
            if simple, digits >= 1, digits <= 18, digits == 1 || base[first] != UInt8(ascii: "0") {
                var value: Int64 = 0
                for offset in first..<index { value = value &* 10 &+ Int64(base[offset] &- UInt8(ascii: "0")) }
                return .int(negative ? -value : value)
            }
            let token = Array(UnsafeBufferPointer(start: base + start, count: index - start))
            return try? JSONValue.parse(token)
        }
    }
}
