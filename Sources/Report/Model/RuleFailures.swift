/// One filter rule's latest verdicts: how many subjects it checked and failed, with a few failing rows and the
/// reason the rule gave.
public struct RuleFailures: Sendable, Equatable {
    /// A failing row: the text the rule judged (the output for output rules) and its reason.
    public struct Example: Sendable, Equatable {
        public let instructionID: Int64
        public let completionID: Int64?
        public let text: String
        public let reason: String
        public init(instructionID: Int64, completionID: Int64?, text: String, reason: String) {
            self.instructionID = instructionID
            self.completionID = completionID
            self.text = text
            self.reason = reason
        }
    }

    public let rule: String
    public let checked: Int
    public let failed: Int
    public let examples: [Example]

    public init(rule: String, checked: Int, failed: Int, examples: [Example]) {
        self.rule = rule
        self.checked = checked
        self.failed = failed
        self.examples = examples
    }
}
