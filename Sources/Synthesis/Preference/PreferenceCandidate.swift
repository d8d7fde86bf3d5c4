/// One answer to an instruction with its rating on 0–10: a judge's score, or for pairwise judging the answer's
/// win rate × 10 (see `PairwiseTally`). `completionID` is `completions.id`.
public struct PreferenceCandidate: Sendable, Hashable {
    public var completionID: Int64
    public var score: Double

    public init(completionID: Int64, score: Double) {
        self.completionID = completionID
        self.score = score
    }
}
