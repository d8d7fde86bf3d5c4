/// Fails outputs that refuse the task or disclaim being an AI (see `RefusalDetector`). The instruction and
/// input are part of the judgement: an output that declines because the task asked for a declining message
/// passes. The detail names the cue (`cue`), why it counted (`why`) and how much other text there was.
public struct RefusalRule: FilterRule, Codable, Equatable {
    public var name: String { "refusal" }
    public var scopes: Set<RuleScope> { [.output] }

    public init() {}

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        guard let finding = RefusalDetector.standard.detect(output: subject.output ?? "", instruction: subject.instruction,
                                                             input: subject.input) else { return .pass() }
        let what = finding.kind == .refusal ? "refusal" : "AI disclaimer"
        return .fail("\(what): \"\(finding.phrase)\" (\(finding.why))", [
            "kind": .string(finding.kind.rawValue), "cue": .string(finding.phrase),
            "why": .string(finding.why), "units_after": .int(finding.unitsAfter),
        ])
    }
}
