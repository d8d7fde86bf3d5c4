/// Fails outputs that refuse the task or disclaim being an AI (see `RefusalDetector`).
public struct RefusalRule: FilterRule, Codable, Equatable {
    public var name: String { "refusal" }
    public var scopes: Set<RuleScope> { [.output] }

    public init() {}

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        guard let finding = RefusalDetector.standard.detect(subject.output ?? "") else { return .pass() }
        let what = finding.kind == .refusal ? "refusal" : "AI disclaimer"
        return .fail("\(what): \"\(finding.phrase)\"", [
            "kind": .string(finding.kind.rawValue), "phrase": .string(finding.phrase),
            "units_after": .int(finding.unitsAfter),
        ])
    }
}
