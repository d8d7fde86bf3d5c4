import Report
import Testing

@Suite struct ChartTests {
    @Test func axisTicksAreRoundAndCoverTheMaximum() {
        #expect(AxisScale(maximumValue: 162).ticks == [0, 50, 100, 150, 200])
        #expect(AxisScale(maximumValue: 7).ticks == [0, 2, 4, 6, 8])
        #expect(AxisScale(maximumValue: 0).ticks.map(AxisScale.label) == ["0", "0.2", "0.4", "0.6", "0.8", "1"])
        #expect(AxisScale(maximumValue: 2, integral: true).ticks == [0, 1, 2])
        #expect(AxisScale(maximumValue: 52002).maximum == 60000)
        #expect(AxisScale.label(60000) == "60k")
        #expect(AxisScale.label(0.25) == "0.25")
    }

    @Test func histogramBinsCountEveryValueWithAnOverflowBin() {
        var values = Array(0..<1000)
        values.append(100_000)
        let bins = Histogram.bins(of: values)
        #expect(bins.reduce(0) { $0 + $1.count } == 1001)
        #expect(bins.first?.lower == 0)
        #expect(bins.last?.upper == nil)
        #expect(bins.last?.count ?? 0 >= 1)
        // Round widths: 50 here (999 / 20 rounded up to 1, 2, 5 × 10^k).
        #expect(bins[1].lower == 50)
        #expect(Histogram.bins(of: []).isEmpty)
        #expect(Histogram.bins(of: [0, 0, 0]).map(\.count) == [3])
    }

    @Test func barChartDrawsOneBarPerCategoryWithLabels() {
        let svg = BarChart(title: "T", axisTitle: "instructions",
                           bars: [.init(label: "写作", value: 10), .init(label: "b", value: 5)]).svg
        #expect(svg.components(separatedBy: "class=\"bar\"").count == 3)
        #expect(svg.contains(">写作</text>"))
        #expect(svg.contains(">instructions</text>"))
        // The longer bar spans the plot (410 units for the axis maximum 10).
        #expect(svg.contains("width=\"410.0\""))
    }

    @Test func longLabelsAreCutToTheirColumnCountingCJKWide() {
        let latin = String(repeating: "a", count: 60), chinese = String(repeating: "以", count: 30)
        let svg = BarChart(title: "T", axisTitle: "n", bars: [.init(label: latin, value: 1), .init(label: chinese, value: 2)]).svg
        #expect(svg.contains(">" + String(repeating: "a", count: 23) + "…</text>"))
        #expect(svg.contains(">" + String(repeating: "以", count: 12) + "…</text>"))
        // The full label stays in the tooltip.
        #expect(svg.contains("<title>\(chinese)</title>"))
    }

    @Test func numbersAreFormattedWithoutLocale() {
        #expect(NumberText.count(52002) == "52,002")
        #expect(NumberText.count(-1234567) == "-1,234,567")
        #expect(NumberText.percent(0.4567) == "45.7%")
        #expect(NumberText.percent(0.00023) == "0.02%")
        #expect(NumberText.percent(0) == "0.0%")
        #expect(NumberText.dollars(0.01234) == "$0.0123")
        #expect(NumberText.fixed(-0.004, places: 2) == "0.00")
        #expect(NumberText.compact(2.5) == "2.5")
    }

    @Test func escaperHandlesEverySpecialCharacter() {
        #expect(HTMLEscaper.escape("a<b>&\"'") == "a&lt;b&gt;&amp;&quot;&#39;")
        #expect(HTMLEscaper.escape("中文 plain") == "中文 plain")
        #expect(HTMLEscaper.escape("x\u{0}y\u{1B}z\tw\n") == "x\u{FFFD}y\u{FFFD}z\tw\n")
        #expect(HTMLEscaper.shortened("abcdef", to: 4) == "abc…")
    }
}
