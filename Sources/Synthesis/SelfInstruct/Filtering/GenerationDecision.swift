/// A generated candidate and the verdict that decided it (the first failing filter, or the passing ROUGE gate).
public struct GenerationDecision: Hashable, Sendable {
    public var instruction: String
    public var verdict: GenerationVerdict

    public init(instruction: String, verdict: GenerationVerdict) {
        self.instruction = instruction
        self.verdict = verdict
    }

    public var accepted: Bool { verdict.passed }
}
