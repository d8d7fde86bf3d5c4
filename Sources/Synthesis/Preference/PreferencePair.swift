/// A chosen/rejected pair for one instruction: `margin` = chosen.score − rejected.score, always > 0.
public struct PreferencePair: Sendable, Hashable {
    public var chosen: PreferenceCandidate
    public var rejected: PreferenceCandidate

    public init(chosen: PreferenceCandidate, rejected: PreferenceCandidate) {
        self.chosen = chosen
        self.rejected = rejected
    }

    public var margin: Double { chosen.score - rejected.score }
}
