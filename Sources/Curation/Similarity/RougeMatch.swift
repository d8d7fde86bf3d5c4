/// A pool entry similar to a query: its position in the pool and the ROUGE-L score
/// (pool text as target, query as prediction).
public struct RougeMatch: Sendable, Equatable {
    public var index: Int
    public var score: RougeScore

    public init(index: Int, score: RougeScore) {
        self.index = index
        self.score = score
    }

    /// Ordering used for top-K: higher F first, then lower index (deterministic ties).
    @inlinable public func ranksBefore(_ other: RougeMatch) -> Bool {
        if score.fmeasure != other.score.fmeasure { return score.fmeasure > other.score.fmeasure }
        return index < other.index
    }
}
