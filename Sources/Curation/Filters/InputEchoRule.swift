/// Fails outputs that merely repeat the instruction or the input (compared in canonical form:
/// case, width, whitespace and punctuation ignored).
public struct InputEchoRule: FilterRule, Codable, Equatable {
    public var name: String { "input-echo" }
    public var scopes: Set<RuleScope> { [.output] }

    public init() {}

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        let output = TextNormalizer.canonical(subject.output ?? "")
        if output.isEmpty { return .pass() }
        if output == TextNormalizer.canonical(subject.instruction) {
            return .fail("output repeats the instruction", ["echo_of": "instruction"])
        }
        if !subject.input.isEmpty && output == TextNormalizer.canonical(subject.input) {
            return .fail("output repeats the input", ["echo_of": "input"])
        }
        return .pass()
    }
}
