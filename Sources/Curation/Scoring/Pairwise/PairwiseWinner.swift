/// Which of two answers a pairwise judge preferred, by the position it was shown in (`first` is "Answer A").
/// Stored as `pairwise_judgements.winner`.
public enum PairwiseWinner: String, Sendable, Hashable, CaseIterable {
    case first
    case second
    case tie

    /// The same verdict seen from the other presentation order (A/B swapped).
    public var swapped: PairwiseWinner {
        switch self {
        case .first: .second
        case .second: .first
        case .tie: .tie
        }
    }
}
