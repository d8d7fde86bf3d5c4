/// ROUGE-L precision, recall and F-measure, with rouge_score's conventions:
/// precision = LCS / |prediction|, recall = LCS / |target|, F = 2PR / (P + R), 0 when either side is empty.
public struct RougeScore: Sendable, Equatable {
    public var precision: Double
    public var recall: Double
    public var fmeasure: Double

    public init(precision: Double, recall: Double, fmeasure: Double) {
        self.precision = precision
        self.recall = recall
        self.fmeasure = fmeasure
    }

    /// Builds the score from an LCS length and the two token counts, evaluating the arithmetic in the same
    /// order as Python so results are bit-identical.
    @inlinable
    public init(lcs: Int, targetLength: Int, predictionLength: Int) {
        guard targetLength > 0, predictionLength > 0 else {
            self.init(precision: 0, recall: 0, fmeasure: 0)
            return
        }
        let p = Double(lcs) / Double(predictionLength)
        let r = Double(lcs) / Double(targetLength)
        let f = p + r > 0 ? 2 * p * r / (p + r) : 0
        self.init(precision: p, recall: r, fmeasure: f)
    }

    /// Upper bound of the F-measure for two token counts (LCS cannot exceed the shorter side).
    @inlinable
    public static func fmeasureBound(_ m: Int, _ n: Int) -> Double {
        guard m > 0, n > 0 else { return 0 }
        return 2 * Double(min(m, n)) / Double(m + n)
    }
}
