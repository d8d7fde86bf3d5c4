/// Turns one instruction's pairwise judgements into ratings and direct outcomes.
///
/// Each unordered pair counts once, by its first (non-swap-check) judgement. When a swap check of the pair
/// exists and names a different winner, the judge contradicted itself on order alone, so the pair counts as a
/// tie (the rule MT-Bench and AlpacaEval use for position-inconsistent verdicts). An answer's rating is its
/// win rate on 0–10: 10 × (wins + ½ ties) / pairs it took part in.
public struct PairwiseTally: Sendable {
    /// Consistent outcome per unordered pair, keyed by (smaller id, larger id): the preferred id or nil (tie).
    public private(set) var outcomes: [PairKey: Int64?] = [:]

    /// An unordered pair of completion ids, smaller first.
    public struct PairKey: Hashable, Sendable {
        public let low: Int64
        public let high: Int64
        public init(_ a: Int64, _ b: Int64) {
            low = min(a, b)
            high = max(a, b)
        }
    }

    public init(_ judgements: [PairwiseJudgement]) {
        var primary: [PairKey: PairwiseJudgement] = [:]
        var checks: [PairKey: PairwiseJudgement] = [:]
        for judgement in judgements {
            let key = PairKey(judgement.first, judgement.second)
            if judgement.swapCheck {
                checks[key] = checks[key] ?? judgement
            } else {
                primary[key] = primary[key] ?? judgement
            }
        }
        for (key, judgement) in primary {
            if let check = checks[key], check.preferred != judgement.preferred {
                outcomes[key] = .some(nil)
            } else {
                outcomes[key] = .some(judgement.preferred)
            }
        }
    }

    /// Ratings (win rate × 10) of every completion that took part in a judged pair.
    public var candidates: [PreferenceCandidate] {
        var points: [Int64: Double] = [:]
        var games: [Int64: Int] = [:]
        for (key, winner) in outcomes {
            for id in [key.low, key.high] { games[id, default: 0] += 1 }
            if let winner {
                points[winner, default: 0] += 1
            } else {
                points[key.low, default: 0] += 0.5
                points[key.high, default: 0] += 0.5
            }
        }
        return games.keys.sorted().map { PreferenceCandidate(completionID: $0, score: 10 * (points[$0] ?? 0) / Double(games[$0]!)) }
    }

    /// True when the judge (consistently) preferred `a` over `b`.
    public func outranks(_ a: Int64, _ b: Int64) -> Bool {
        guard let outcome = outcomes[PairKey(a, b)] else { return false }
        return outcome == a
    }
}
