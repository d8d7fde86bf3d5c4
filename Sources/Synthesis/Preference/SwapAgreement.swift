/// How far a pairwise judge agrees with itself when the same pair is shown in the other order — the
/// position-bias measure of `--swap-check` — and how often the answer shown first won.
public struct SwapAgreement: Sendable, Hashable, Encodable {
    /// Pairs asked in both orders.
    public var checked = 0
    /// Of those, pairs where both orders named the same completion (or both a tie).
    public var agreed = 0
    /// First-order judgements that were not ties, and how many of them the answer shown first won.
    public var decided = 0
    public var firstShownWon = 0

    public init() {}

    /// Counts the judgements of one instruction (primary asks and swap checks together).
    public mutating func add(_ judgements: [PairwiseJudgement]) {
        var primary: [PairwiseTally.PairKey: PairwiseJudgement] = [:]
        for judgement in judgements where !judgement.swapCheck {
            // The first judgement of a pair counts, as in PairwiseTally (a pair asked twice keeps its first answer).
            let key = PairwiseTally.PairKey(judgement.first, judgement.second)
            guard primary[key] == nil else { continue }
            primary[key] = judgement
            if judgement.winner != .tie {
                decided += 1
                if judgement.winner == .first { firstShownWon += 1 }
            }
        }
        for check in judgements where check.swapCheck {
            guard let original = primary[PairwiseTally.PairKey(check.first, check.second)] else { continue }
            checked += 1
            if original.preferred == check.preferred { agreed += 1 }
        }
    }

    /// agreed / checked, nil when nothing was checked.
    public var rate: Double? { checked == 0 ? nil : Double(agreed) / Double(checked) }

    /// Share of decided first-order judgements won by the answer shown first (0.5 = no position bias).
    public var firstShownRate: Double? { decided == 0 ? nil : Double(firstShownWon) / Double(decided) }

    enum CodingKeys: String, CodingKey {
        case checked, agreed, rate
        case firstShownRate = "first_shown_win_rate"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(checked, forKey: .checked)
        try container.encode(agreed, forKey: .agreed)
        try container.encode(rate, forKey: .rate)
        try container.encode(firstShownRate, forKey: .firstShownRate)
    }
}
