import Curation

/// One answer of a pairwise judge: completion `first` was shown as A and `second` as B. `swapCheck` marks the
/// re-ask of an already judged pair in the reversed order, made only to measure position bias.
public struct PairwiseJudgement: Sendable, Hashable {
    public var first: Int64
    public var second: Int64
    public var winner: PairwiseWinner
    public var swapCheck: Bool

    public init(first: Int64, second: Int64, winner: PairwiseWinner, swapCheck: Bool = false) {
        self.first = first
        self.second = second
        self.winner = winner
        self.swapCheck = swapCheck
    }

    /// The preferred completion id, nil for a tie.
    public var preferred: Int64? {
        switch winner {
        case .first: first
        case .second: second
        case .tie: nil
        }
    }
}
