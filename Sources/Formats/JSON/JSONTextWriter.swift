import JSONWriting

/// Serializes `JSONValue`s to UTF-8 JSON text without escaping non-ASCII characters (Chinese stays readable),
/// either compact on one line (JSONL) or indented by two spaces.
public enum JSONTextWriter {
    /// Keys that come first inside nested objects, in this order; the rest follow alphabetically.
    private static let preferredKeys: [String] = [
        "id", "instruction", "input", "output", "system", "history", "conversations", "messages", "tools",
        "from", "role", "name", "value", "content", "tool_calls", "tool_call_id", "type", "function", "arguments",
    ]

    private static let rank: [String: Int] = {
        var table: [String: Int] = [:]
        for (index, key) in preferredKeys.enumerated() { table[key] = index }
        return table
    }()

    /// Orders object keys deterministically: preferred keys first, then by code point.
    public static func orderedKeys(_ keys: some Sequence<String>) -> [String] {
        keys.sorted { left, right in
            let leftRank = rank[left] ?? Int.max
            let rightRank = rank[right] ?? Int.max
            if leftRank != rightRank { return leftRank < rightRank }
            return left < right
        }
    }

    /// One-line JSON text of a value.
    public static func compact(_ value: JSONValue) -> String {
        var bytes: [UInt8] = []
        append(value, to: &bytes, indent: nil, level: 0)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends a record's JSON text; `indent` nil means compact.
    public static func append(_ record: OrderedRecord, to out: inout [UInt8], indent: Int?, level: Int) {
        appendObject(record.fields.map { ($0.key, $0.value) }, to: &out, indent: indent, level: level)
    }

    /// Appends a value's JSON text; `indent` nil means compact.
    public static func append(_ value: JSONValue, to out: inout [UInt8], indent: Int?, level: Int) {
        switch value {
        case .null:
            out.append(contentsOf: "null".utf8)
        case .bool(let flag):
            out.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number):
            out.append(contentsOf: String(number).utf8)
        case .double(let number):
            out.append(contentsOf: formatDouble(number).utf8)
        case .string(let text):
            JSONString.append(text, to: &out)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { separator(&out, indent: indent) }
                newline(&out, indent: indent, level: level + 1)
                append(item, to: &out, indent: indent, level: level + 1)
            }
            newline(&out, indent: indent, level: level)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            let pairs = orderedKeys(fields.keys).map { ($0, fields[$0]!) }
            appendObject(pairs, to: &out, indent: indent, level: level)
        }
    }

    private static func appendObject(
        _ pairs: [(String, JSONValue)], to out: inout [UInt8], indent: Int?, level: Int
    ) {
        if pairs.isEmpty {
            out.append(contentsOf: "{}".utf8)
            return
        }
        out.append(UInt8(ascii: "{"))
        for (index, pair) in pairs.enumerated() {
            if index > 0 { separator(&out, indent: indent) }
            newline(&out, indent: indent, level: level + 1)
            JSONString.append(pair.0, to: &out)
            out.append(UInt8(ascii: ":"))
            out.append(UInt8(ascii: " "))
            append(pair.1, to: &out, indent: indent, level: level + 1)
        }
        newline(&out, indent: indent, level: level)
        out.append(UInt8(ascii: "}"))
    }

    /// "," between items; compact text adds a space (like Python's json.dumps) so lines stay readable.
    private static func separator(_ out: inout [UInt8], indent: Int?) {
        out.append(UInt8(ascii: ","))
        if indent == nil { out.append(UInt8(ascii: " ")) }
    }

    private static func newline(_ out: inout [UInt8], indent: Int?, level: Int) {
        guard let indent else { return }
        out.append(UInt8(ascii: "\n"))
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * level))
    }

    /// Integral doubles keep a ".0" so they parse back as doubles, not integers.
    private static func formatDouble(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        return "\(number)"
    }
}
