/// Fails instructions and outputs whose length in units (Latin words + CJK characters) is outside
/// a range. Instruction length counts the instruction only; the input is context, not the prompt.
public struct LengthRule: FilterRule, Codable, Equatable {
    public var name: String { "length" }
    public var scopes: Set<RuleScope> { [.instruction, .output] }
    public var instructionMin = 2
    public var instructionMax = 1024
    public var outputMin = 1
    public var outputMax = 4096

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = LengthRule()
        instructionMin = try c.decodeIfPresent(Int.self, forKey: .instructionMin) ?? d.instructionMin
        instructionMax = try c.decodeIfPresent(Int.self, forKey: .instructionMax) ?? d.instructionMax
        outputMin = try c.decodeIfPresent(Int.self, forKey: .outputMin) ?? d.outputMin
        outputMax = try c.decodeIfPresent(Int.self, forKey: .outputMax) ?? d.outputMax
    }

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        let isInstruction = subject.scope == .instruction
        let units = TextLength.units(isInstruction ? subject.instruction : (subject.output ?? ""))
        let (lo, hi) = isInstruction ? (instructionMin, instructionMax) : (outputMin, outputMax)
        let detail: [String: DetailValue] = ["units": .int(units), "min": .int(lo), "max": .int(hi)]
        if units < lo { return .fail("too short: \(units) < \(lo) units", detail) }
        if units > hi { return .fail("too long: \(units) > \(hi) units", detail) }
        return .pass(detail)
    }
}
