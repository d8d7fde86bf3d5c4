/// What `PreferenceSelector` made of one instruction's answers: a pair, or the reason there is none.
public enum PreferenceDecision: Sendable, Hashable {
    case pair(PreferencePair)
    case none(NoPairReason)

    /// The pair, or nil.
    public var pair: PreferencePair? {
        if case .pair(let pair) = self { return pair }
        return nil
    }
}
