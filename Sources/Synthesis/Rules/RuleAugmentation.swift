/// The kinds of offline, rule-based rewriting (`--backend rules`). Each is honest text manipulation, not a
/// model; the result is stored with origin `rules` and strategy `rules:<kind>`.
public enum RuleAugmentation: String, Sendable, CaseIterable, Codable {
    /// Wrap the instruction in a request form ("Please …", "帮我…").
    case template
    /// Set the task in a named field ("In the field of education, …", "在教育领域，…").
    case domain
    /// Ask for a simple, detailed or expert-level treatment.
    case complexity
    /// Add a length, audience, format or tone requirement.
    case constraint

    /// The `strategy` column value, e.g. `rules:domain`.
    public var strategyName: String { "rules:" + rawValue }

    /// Reads `rules:domain` or `domain`.
    public init?(strategyName: String) {
        let name = strategyName.hasPrefix("rules:") ? String(strategyName.dropFirst(6)) : strategyName
        self.init(rawValue: name)
    }
}
