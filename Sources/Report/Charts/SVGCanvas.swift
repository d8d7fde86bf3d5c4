/// Builds one `<svg>` element from primitives. Every text and tooltip is escaped; coordinates are written with
/// one decimal. Styling comes from the report's CSS classes, so the charts follow its colours.
struct SVGCanvas {
    private var body: String

    init(width: Double, height: Double, title: String) {
        let w = NumberText.fixed(width, places: 0), h = NumberText.fixed(height, places: 0)
        body = "<svg class=\"chart\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" "
            + "height=\"\(h)\" role=\"img\"><title>\(HTMLEscaper.escape(title))</title>"
    }

    mutating func text(
        _ text: String, x: Double, y: Double, className: String, anchor: String = "start", rotate: Double? = nil,
        tooltip: String? = nil
    ) {
        let transform = rotate.map { " transform=\"rotate(\(Self.n($0)) \(Self.n(x)) \(Self.n(y)))\"" } ?? ""
        let tip = tooltip.map { "<title>\(HTMLEscaper.escape($0))</title>" } ?? ""
        body += "<text x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" class=\"\(className)\" text-anchor=\"\(anchor)\"\(transform)>"
            + "\(tip)\(HTMLEscaper.escape(text))</text>"
    }

    mutating func line(x1: Double, y1: Double, x2: Double, y2: Double, className: String) {
        body += "<line x1=\"\(Self.n(x1))\" y1=\"\(Self.n(y1))\" x2=\"\(Self.n(x2))\" y2=\"\(Self.n(y2))\" class=\"\(className)\"/>"
    }

    mutating func rect(x: Double, y: Double, width: Double, height: Double, className: String, tooltip: String? = nil) {
        let tip = tooltip.map { "<title>\(HTMLEscaper.escape($0))</title>" } ?? ""
        body += "<rect x=\"\(Self.n(x))\" y=\"\(Self.n(y))\" width=\"\(Self.n(max(width, 0)))\" "
            + "height=\"\(Self.n(max(height, 0)))\" class=\"\(className)\">\(tip)</rect>"
    }

    var finished: String { body + "</svg>" }

    private static func n(_ value: Double) -> String { NumberText.fixed(value, places: 1) }
}
