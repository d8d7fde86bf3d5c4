/// A pairwise judge's parsed reply: the winner by position and its short rationale (nil when it gave none).
public struct PairwiseReply: Sendable, Hashable {
    public var winner: PairwiseWinner
    public var rationale: String?

    public init(winner: PairwiseWinner, rationale: String?) {
        self.winner = winner
        self.rationale = rationale
    }
}
