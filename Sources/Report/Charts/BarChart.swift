/// A horizontal bar chart drawn as inline SVG: one labelled bar per category, a value axis with round ticks,
/// gridlines, value labels at the bar ends and an axis title that names the unit.
///
/// Width is fixed at 640 user units and the height grows by 24 per bar; the SVG scales with its container.
public struct BarChart: Sendable {
    /// One category.
    public struct Bar: Sendable, Equatable {
        public let label: String
        public let value: Double
        /// Text at the bar's end (default: the value as a count).
        public let valueText: String?

        public init(label: String, value: Double, valueText: String? = nil) {
            self.label = label
            self.value = value
            self.valueText = valueText
        }
    }

    public let title: String
    /// The value axis title with its unit, e.g. "instructions" or "cost (USD)".
    public let axisTitle: String
    public let bars: [Bar]

    public init(title: String, axisTitle: String, bars: [Bar]) {
        self.title = title
        self.axisTitle = axisTitle
        self.bars = bars
    }

    static let width = 640.0
    static let labelWidth = 170.0
    static let rightMargin = 60.0
    static let rowHeight = 24.0
    static let top = 28.0
    static let bottom = 44.0

    public var svg: String {
        let scale = AxisScale(maximumValue: bars.map(\.value).max() ?? 0,
                              integral: bars.allSatisfy { $0.value == $0.value.rounded() })
        let plotWidth = Self.width - Self.labelWidth - Self.rightMargin
        let plotHeight = Double(max(bars.count, 1)) * Self.rowHeight
        let height = Self.top + plotHeight + Self.bottom
        let x0 = Self.labelWidth
        var out = SVGCanvas(width: Self.width, height: height, title: title)
        out.text(title, x: 4, y: 18, className: "chart-title")
        for tick in scale.ticks {
            let x = x0 + scale.position(of: tick, length: plotWidth)
            out.line(x1: x, y1: Self.top, x2: x, y2: Self.top + plotHeight, className: "grid")
            out.text(AxisScale.label(tick), x: x, y: Self.top + plotHeight + 14, className: "tick", anchor: "middle")
        }
        for (index, bar) in bars.enumerated() {
            let y = Self.top + Double(index) * Self.rowHeight
            let length = scale.position(of: bar.value, length: plotWidth)
            out.text(SVGTextWidth.fitted(bar.label, width: x0 - 10, fontSize: 12), x: x0 - 6, y: y + 16, className: "label", anchor: "end",
                     tooltip: bar.label)
            out.rect(x: x0, y: y + 4, width: length, height: Self.rowHeight - 8, className: "bar",
                     tooltip: "\(bar.label): \(bar.valueText ?? NumberText.compact(bar.value))")
            out.text(bar.valueText ?? NumberText.count(Int(bar.value.rounded())), x: x0 + length + 4, y: y + 16,
                     className: "value")
        }
        out.line(x1: x0, y1: Self.top, x2: x0, y2: Self.top + plotHeight, className: "axis")
        out.line(x1: x0, y1: Self.top + plotHeight, x2: x0 + plotWidth, y2: Self.top + plotHeight, className: "axis")
        out.text(axisTitle, x: x0 + plotWidth / 2, y: height - 8, className: "axis-title", anchor: "middle")
        return out.finished
    }
}
