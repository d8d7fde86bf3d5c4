import JSONWriting
import Foundation
import Store

/// Prints rows in a `ResultFormat`. Tables measure display width so Chinese text lines up.
public enum ResultPrinter {
    public static func render(columns: [String], rows: [[SQLValue]], format: ResultFormat) -> String {
        switch format {
        case .json:
            if rows.isEmpty { return "[]\n" }
            return "[" + rows.map { " " + jsonObject(columns, $0) }.joined(separator: ",\n") + "\n]\n"
        case .nl:
            return rows.map { jsonObject(columns, $0) + "\n" }.joined()
        case .csv:
            var out = columns.map(csvField).joined(separator: ",") + "\r\n"
            for row in rows { out += row.map { csvField($0.stringValue ?? "") }.joined(separator: ",") + "\r\n" }
            return out
        case .table:
            return table(columns: columns, rows: rows.map { $0.map { cell($0) } })
        }
    }

    /// An aligned plain-text table with a header rule.
    public static func table(columns: [String], rows: [[String]], maxWidth: Int = 60) -> String {
        let clipped = rows.map { $0.map { clip($0, to: maxWidth) } }
        var widths = columns.map { DisplayWidth.of($0) }
        for row in clipped {
            for (index, value) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(value))
            }
        }
        func line(_ values: [String]) -> String {
            var text = values.enumerated().map { index, value in
                value + String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(value)))
            }.joined(separator: "  ")
            // Only trailing padding goes: an empty first cell must keep its columns in place.
            while text.last == " " { text.removeLast() }
            return text + "\n"
        }
        var out = line(columns)
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in clipped { out += line(row) }
        return out
    }

    static func cell(_ value: SQLValue) -> String {
        switch value {
        case .null: return ""
        case .blob(let bytes): return "<\(bytes.count) bytes>"
        default: return value.stringValue ?? ""
        }
    }

    static func clip(_ text: String, to width: Int) -> String {
        TerminalText.truncated(text, width: width, newline: "⏎")
    }

    static func jsonObject(_ columns: [String], _ values: [SQLValue]) -> String {
        "{" + zip(columns, values).map { JSONString.quote($0) + ": " + jsonValue($1) }.joined(separator: ", ") + "}"
    }

    static func jsonValue(_ value: SQLValue) -> String {
        switch value {
        case .null: return "null"
        case .integer(let i): return String(i)
        case .real(let d): return d.isFinite ? "\(d)" : "null"
        case .text(let s): return JSONString.quote(s)
        case .blob(let bytes): return JSONString.quote(Data(bytes).base64EncodedString())
        }
    }

    static func csvField(_ text: String) -> String {
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
