/// Picks the chosen and rejected answer of one instruction from its rated answers.
///
/// Chosen is the highest-rated answer (equal ratings: the lower completion id, so reruns agree). Rejected is
/// picked by the `RejectedPolicy` among answers rated strictly lower *and*, when `outranks` is given (pairwise
/// judging), that the judge preferred the chosen answer over directly — so a pair never contradicts a
/// judgement. Ties are never pairs, and an answer with the chosen answer's text counts as tied with it: a pair
/// of equal answers teaches nothing and every export layout drops it, which would lose an instruction that had
/// a usable, different lower answer. A pair whose margin is below `minimumMargin` is not made.
public struct PreferenceSelector: Sendable {
    public var policy: RejectedPolicy
    /// Smallest chosen − rejected rating difference accepted (0 accepts any strictly lower answer).
    public var minimumMargin: Double
    /// Seed for `random-lower`; the pick also depends on the instruction id, so each instruction draws afresh.
    public var seed: UInt64

    public init(policy: RejectedPolicy = .worst, minimumMargin: Double = 0, seed: UInt64 = 0) {
        self.policy = policy
        self.minimumMargin = minimumMargin
        self.seed = seed
    }

    /// The decision for `candidates` (the answers that passed their filters) of instruction `instructionID`.
    /// `outranks(a, b)` says whether the judge preferred completion `a` over `b`; nil accepts any lower rating.
    public func decide(
        instructionID: Int64, candidates: [PreferenceCandidate], outranks: ((Int64, Int64) -> Bool)? = nil
    ) -> PreferenceDecision {
        guard candidates.count >= 2 else { return .none(.singleAnswer) }
        let ranked = candidates.sorted { $0.score != $1.score ? $0.score > $1.score : $0.completionID < $1.completionID }
        let chosen = ranked[0]
        let lower = ranked.dropFirst().filter { $0.score < chosen.score && !$0.sameText(as: chosen) && (outranks?(chosen.completionID, $0.completionID) ?? true) }
        guard !lower.isEmpty else { return .none(.allTied) }
        let eligible = lower.filter { chosen.score - $0.score >= minimumMargin }
        let rejected: PreferenceCandidate?
        switch policy {
        case .worst:
            // `lower` is ordered best first; the worst is the last, the lowest id among equals.
            let worstScore = lower.last!.score
            rejected = lower.first { $0.score == worstScore }.flatMap { eligible.contains($0) ? $0 : nil }
        case .second:
            rejected = eligible.first == lower.first ? eligible.first : nil
        case .randomLower:
            guard !eligible.isEmpty else { rejected = nil; break }
            var generator = SplitMix64(seed: seed ^ (UInt64(bitPattern: instructionID) &* 0x9E37_79B9_7F4A_7C15))
            rejected = eligible[Int(generator.next() % UInt64(eligible.count))]
        }
        guard let rejected else { return .none(.belowMargin) }
        return .pair(PreferencePair(chosen: chosen, rejected: rejected))
    }
}
