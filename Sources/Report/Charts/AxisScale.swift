/// A linear axis from 0 to a "nice" maximum with 4–6 round tick values (1, 2 or 5 × 10^k apart), so a chart's
/// gridlines read as round numbers whatever the data's range.
public struct AxisScale: Sendable, Equatable {
    /// The axis end (≥ the largest value; 1 when every value is 0).
    public let maximum: Double
    /// Tick values from 0 to `maximum` inclusive.
    public let ticks: [Double]

    /// `integral` keeps the step at 1 or more (for counts, which have no fractions).
    public init(maximumValue: Double, integral: Bool = false) {
        let top = maximumValue > 0 ? maximumValue : 1
        let step = max(Self.niceStep(atLeast: top / 5), integral ? 1 : 0)
        let count = Int((top / step).rounded(.up))
        maximum = Double(count) * step
        ticks = (0...count).map { Double($0) * step }
    }

    /// The smallest of 1, 2 or 5 × 10^k that is at least `rough` (> 0).
    public static func niceStep(atLeast rough: Double) -> Double {
        let magnitude = pow10(floorLog10(rough))
        let fraction = rough / magnitude
        return (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * magnitude
    }

    /// The position of `value` between 0 and `length`.
    public func position(of value: Double, length: Double) -> Double {
        maximum > 0 ? value / maximum * length : 0
    }

    /// A tick label: integers without decimals, small steps with up to two, large values as 12k / 1.5M.
    public static func label(_ value: Double) -> String {
        if value >= 1_000_000 { return NumberText.compact(value / 1_000_000) + "M" }
        if value >= 10_000 { return NumberText.compact(value / 1_000) + "k" }
        return NumberText.compact(value)
    }
}

private func floorLog10(_ value: Double) -> Int {
    var exponent = 0
    var v = value
    while v >= 10 { v /= 10; exponent += 1 }
    while v < 1 { v *= 10; exponent -= 1 }
    return exponent
}

private func pow10(_ exponent: Int) -> Double {
    var result = 1.0
    if exponent >= 0 { for _ in 0..<exponent { result *= 10 } } else { for _ in 0..<(-exponent) { result /= 10 } }
    return result
}
