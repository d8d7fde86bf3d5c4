/// What a rule judges: the prompt (an instruction row) or the answer (a completion row).
public enum RuleScope: String, Sendable, Codable, CaseIterable {
    case instruction
    case output
}
