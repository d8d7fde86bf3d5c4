/// One rule that fired on an evolved instruction, with a human-readable reason for `verdicts.reason`.
public struct EvolutionElimination: Sendable, Hashable, Codable {
    /// The rule that fired.
    public var rule: EvolutionEliminationRule
    /// Why, in one line (quotes the matched phrase or the measured length).
    public var reason: String

    public init(rule: EvolutionEliminationRule, reason: String) {
        self.rule = rule
        self.reason = reason
    }
}
