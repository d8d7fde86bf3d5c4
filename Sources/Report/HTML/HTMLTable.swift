/// A sortable HTML table built from escaped cells: text cells left-aligned, number cells right-aligned with
/// the raw number kept in `data-v` so the sort is numeric.
struct HTMLTable {
    /// One cell: text, a number, or already-built markup (which the caller escaped).
    enum Cell {
        case text(String)
        case number(Double, String)
        case markup(String)

        static func count(_ value: Int) -> Cell { .number(Double(value), NumberText.count(value)) }
    }

    let headers: [String]
    var rows: [[Cell]] = []

    init(headers: [String]) { self.headers = headers }

    mutating func append(_ row: [Cell]) { rows.append(row) }

    var html: String {
        var out = "<table class=\"sortable\"><thead><tr>"
        for header in headers { out += "<th>\(HTMLEscaper.escape(header))</th>" }
        out += "</tr></thead><tbody>"
        for row in rows {
            out += "<tr>"
            for cell in row {
                switch cell {
                case .text(let text): out += "<td>\(HTMLEscaper.escape(text))</td>"
                case .number(let value, let text):
                    out += "<td class=\"n\" data-v=\"\(NumberText.fixed(value, places: 6))\">\(HTMLEscaper.escape(text))</td>"
                case .markup(let markup): out += "<td>\(markup)</td>"
                }
            }
            out += "</tr>"
        }
        return out + "</tbody></table>"
    }
}
