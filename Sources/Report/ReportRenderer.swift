/// Renders a `DatasetReport` as one self-contained HTML page: inline CSS, inline SVG charts, a few lines of
/// inline JavaScript for sorting tables, and nothing fetched from the network. Every text from the data is
/// escaped. The markup is also well-formed XML (void elements closed, attributes quoted) so tests can parse it.
public enum ReportRenderer {
    /// The page's sections in order: (id, heading). Tests look for each id.
    public static let sections: [(id: String, heading: String)] = [
        ("counts", "Counts"),
        ("funnel", "Generation and evolution funnel"),
        ("lengths", "Lengths"),
        ("filters", "Filter results"),
        ("scores", "Scores"),
        ("duplicates", "Duplicates"),
        ("cost", "Cost and models"),
        ("diversity", "Diversity of instructions"),
        ("sample", "Sample"),
    ]

    public static func render(_ report: DatasetReport) -> String {
        var page = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        page += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        page += "<title>dsbench report: \(HTMLEscaper.escape(report.title))</title>\n"
        page += "<style>\n\(ReportStyle.css)\n</style>\n</head>\n<body>\n"
        page += header(report)
        page += "<nav>" + sections.map { "<a href=\"#\($0.id)\">\(HTMLEscaper.escape($0.heading))</a>" }.joined() + "</nav>\n"
        page += "<main>\n"
        for (id, heading) in sections {
            page += "<section id=\"\(id)\">\n<h2>\(HTMLEscaper.escape(heading))</h2>\n"
            page += body(of: id, report)
            page += "</section>\n"
        }
        page += "</main>\n<script>\n\(ReportStyle.script)\n</script>\n</body>\n</html>\n"
        return page
    }

    static func header(_ report: DatasetReport) -> String {
        var out = "<header><h1>dsbench report: \(HTMLEscaper.escape(report.title))</h1><p>"
        out += "\(NumberText.count(report.instructions)) instructions, \(NumberText.count(report.completions)) completions, "
        out += "\(NumberText.count(report.examples)) examples (instruction × answer rows) · made \(HTMLEscaper.escape(report.generatedAt))"
        if let selection = report.selection {
            out += " · selection: <code>\(HTMLEscaper.escape(selection))</code>"
        }
        return out + "</p></header>\n"
    }

    static func body(of section: String, _ report: DatasetReport) -> String {
        switch section {
        case "counts": return counts(report)
        case "funnel": return funnel(report)
        case "lengths": return lengths(report)
        case "filters": return filters(report)
        case "scores": return scores(report)
        case "duplicates": return duplicates(report)
        case "cost": return cost(report)
        case "diversity": return diversity(report)
        default: return sample(report)
        }
    }

    /// Fewer rows than this make a histogram of noise; the table still lists them.
    static let minimumHistogramRows = 20

    static func note(_ text: String) -> String { "<p class=\"note\">\(HTMLEscaper.escape(text))</p>\n" }
    static func empty(_ text: String) -> String { "<p class=\"empty\">\(HTMLEscaper.escape(text))</p>\n" }
    static func grid(_ items: [String]) -> String {
        "<div class=\"grid\">" + items.map { "<div>\($0)</div>" }.joined() + "</div>\n"
    }
    static func text(_ value: String) -> String { "<div class=\"text\">\(HTMLEscaper.escape(value))</div>" }
    static func passFail(_ passed: Bool) -> String {
        passed ? "<span class=\"pass\">pass</span>" : "<span class=\"fail\">fail</span>"
    }
}
