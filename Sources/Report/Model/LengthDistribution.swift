/// Lengths of one field (instruction + input, or output) in one language, in that language's unit: words for
/// Latin-script text, characters for Chinese, Japanese and Korean (`TextLength.units` counts both).
public struct LengthDistribution: Sendable, Equatable {
    /// Language code as stored (en, zh, ja, ko, other, und).
    public let language: String
    /// "instruction" (instruction and input) or "output".
    public let field: String
    /// "words", "characters" or "units" (mixed or unknown script).
    public let unit: String
    public let count: Int
    public let median: Int
    public let p90: Int
    public let maximum: Int
    public let bins: [Histogram.Bin]

    /// Summarises raw lengths: median, 90th percentile, maximum and histogram bins.
    public init(language: String, field: String, unit: String, lengths: [Int]) {
        self.language = language
        self.field = field
        self.unit = unit
        let sorted = lengths.sorted()
        count = sorted.count
        func at(_ q: Double) -> Int { sorted.isEmpty ? 0 : sorted[Int((Double(sorted.count - 1) * q).rounded())] }
        median = at(0.5)
        p90 = at(0.9)
        maximum = sorted.last ?? 0
        bins = Histogram.bins(of: sorted)
    }
}
