/// A histogram drawn as inline SVG: vertical bars over consecutive bins, a count axis with round ticks and
/// gridlines, bin edges under the bars, and both axes titled with their units.
///
/// 640 × 260 user units; the SVG scales with its container.
public struct Histogram: Sendable {
    /// One bin: `[lower, upper)`, or `[lower, ∞)` when `upper` is nil (the overflow bin).
    public struct Bin: Sendable, Equatable {
        public let lower: Double
        public let upper: Double?
        public let count: Int

        public init(lower: Double, upper: Double?, count: Int) {
            self.lower = lower
            self.upper = upper
            self.count = count
        }
    }

    public let title: String
    /// The measured quantity with its unit, e.g. "output length (words)".
    public let xTitle: String
    /// What is counted, e.g. "examples".
    public let yTitle: String
    public let bins: [Bin]

    public init(title: String, xTitle: String, yTitle: String, bins: [Bin]) {
        self.title = title
        self.xTitle = xTitle
        self.yTitle = yTitle
        self.bins = bins
    }

    /// About `target` bins of a round width covering values up to the 99th percentile, and one overflow bin
    /// for the rest, so one very long text does not squash every other bar. Values are lengths (≥ 0).
    public static func bins(of values: [Int], target: Int = 20) -> [Bin] {
        guard !values.isEmpty else { return [] }
        let sorted = values.sorted()
        let high = sorted[min(sorted.count - 1, Int(Double(sorted.count - 1) * 0.99))]
        let width = max(1, Int(AxisScale.niceStep(atLeast: Double(max(high, 1)) / Double(target))))
        let binCount = high / width + 1
        var counts = [Int](repeating: 0, count: binCount + 1)
        for value in sorted { counts[min(max(value, 0) / width, binCount)] += 1 }
        var bins = (0..<binCount).map { Bin(lower: Double($0 * width), upper: Double(($0 + 1) * width), count: counts[$0]) }
        if counts[binCount] > 0 { bins.append(Bin(lower: Double(binCount * width), upper: nil, count: counts[binCount])) }
        return bins
    }

    static let width = 640.0
    static let height = 260.0
    static let left = 64.0
    static let right = 16.0
    static let top = 28.0
    static let bottom = 52.0

    public var svg: String {
        let scale = AxisScale(maximumValue: Double(bins.map(\.count).max() ?? 0), integral: true)
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let baseline = Self.top + plotHeight
        var out = SVGCanvas(width: Self.width, height: Self.height, title: title)
        out.text(title, x: 4, y: 18, className: "chart-title")
        for tick in scale.ticks {
            let y = baseline - scale.position(of: tick, length: plotHeight)
            out.line(x1: Self.left, y1: y, x2: Self.left + plotWidth, y2: y, className: "grid")
            out.text(AxisScale.label(tick), x: Self.left - 6, y: y + 4, className: "tick", anchor: "end")
        }
        let slot = plotWidth / Double(max(bins.count, 1))
        let labelEvery = max(1, Int((Double(bins.count) * 44 / plotWidth).rounded(.up)))
        for (index, bin) in bins.enumerated() {
            let x = Self.left + Double(index) * slot
            let barHeight = scale.position(of: Double(bin.count), length: plotHeight)
            let range = bin.upper.map { "\(NumberText.compact(bin.lower))–\(NumberText.compact($0))" }
                ?? "≥ \(NumberText.compact(bin.lower))"
            out.rect(x: x + 1, y: baseline - barHeight, width: max(slot - 2, 1), height: barHeight, className: "bar",
                     tooltip: "\(range): \(NumberText.count(bin.count))")
            if index % labelEvery == 0 {
                let label = bin.upper == nil ? "≥" + NumberText.compact(bin.lower) : NumberText.compact(bin.lower)
                out.text(label, x: x, y: baseline + 14, className: "tick", anchor: "middle")
            }
        }
        if let last = bins.last, let upper = last.upper, (bins.count - 1) % labelEvery == 0 {
            out.text(NumberText.compact(upper), x: Self.left + plotWidth, y: baseline + 14, className: "tick", anchor: "middle")
        }
        out.line(x1: Self.left, y1: Self.top, x2: Self.left, y2: baseline, className: "axis")
        out.line(x1: Self.left, y1: baseline, x2: Self.left + plotWidth, y2: baseline, className: "axis")
        out.text(xTitle, x: Self.left + plotWidth / 2, y: Self.height - 10, className: "axis-title", anchor: "middle")
        out.text(yTitle, x: 14, y: Self.top + plotHeight / 2, className: "axis-title", anchor: "middle",
                 rotate: -90)
        return out.finished
    }
}
