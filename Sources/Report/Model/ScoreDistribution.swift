/// One scorer's values (0–10) in ten bins of width 1 (the last closed: 9 ≤ v ≤ 10).
public struct ScoreDistribution: Sendable, Equatable {
    public let scorer: String
    public let count: Int
    public let mean: Double
    /// Ten counts, bin k holding k ≤ v < k + 1.
    public let binCounts: [Int]

    public init(scorer: String, count: Int, mean: Double, binCounts: [Int]) {
        self.scorer = scorer
        self.count = count
        self.mean = mean
        self.binCounts = binCounts
    }

    public var bins: [Histogram.Bin] {
        binCounts.enumerated().map { Histogram.Bin(lower: Double($0.offset), upper: Double($0.offset + 1), count: $0.element) }
    }
}
