/// How `PreferenceSelector` picks the rejected answer once the chosen (best-rated) one is known; the raw
/// values are the `--rejected` option's and `preferences.rejected_policy`'s.
public enum RejectedPolicy: String, Sendable, Hashable, CaseIterable {
    /// The lowest-rated answer: the widest margin, the easiest contrast.
    case worst
    /// A seeded random pick among the answers rated lower than the chosen one by at least the minimum margin.
    case randomLower = "random-lower"
    /// The best answer rated strictly lower than the chosen one: the narrowest margin, the hardest contrast.
    case second
}
