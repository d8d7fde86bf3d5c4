/// The texts a rule looks at. For an instruction subject `output` is nil; an output subject carries
/// its instruction and input too, because rules such as input-echo and language-mismatch compare them.
public struct FilterSubject: Sendable {
    public var scope: RuleScope
    public var instruction: String
    public var input: String
    public var output: String?
    /// The completion's finish_reason when known ("stop", "length"...).
    public var finishReason: String?

    public init(scope: RuleScope, instruction: String, input: String = "", output: String? = nil,
                finishReason: String? = nil) {
        self.scope = scope
        self.instruction = instruction
        self.input = input
        self.output = output
        self.finishReason = finishReason
    }

    /// An instruction-row subject.
    public static func instruction(_ instruction: String, input: String = "") -> FilterSubject {
        FilterSubject(scope: .instruction, instruction: instruction, input: input)
    }

    /// A completion subject.
    public static func output(_ output: String, instruction: String = "", input: String = "",
                              finishReason: String? = nil) -> FilterSubject {
        FilterSubject(scope: .output, instruction: instruction, input: input, output: output,
                      finishReason: finishReason)
    }

    /// The text under judgement: instruction and input joined for instruction subjects, else the output.
    public var text: String {
        switch scope {
        case .instruction: return input.isEmpty ? instruction : instruction + "\n" + input
        case .output: return output ?? ""
        }
    }
}
