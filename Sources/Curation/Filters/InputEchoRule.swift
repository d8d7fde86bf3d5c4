/// Fails outputs that merely repeat the instruction or the input. Texts are compared after collapsing
/// whitespace only: a change of case or punctuation is an edit (the task may have asked for it).
public struct InputEchoRule: FilterRule, Codable, Equatable {
    public var name: String { "input-echo" }
    public var scopes: Set<RuleScope> { [.output] }

    public init() {}

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        let output = subject.output ?? ""
        if Self.sameIgnoringWhitespace(output, subject.instruction) {
            return .fail("output repeats the instruction", ["echo_of": "instruction"])
        }
        if !subject.input.isEmpty && Self.sameIgnoringWhitespace(output, subject.input) {
            return .fail("output repeats the input", ["echo_of": "input"])
        }
        return .pass()
    }

    /// Equality of the non-whitespace byte sequences with whitespace runs counted as one separator.
    static func sameIgnoringWhitespace(_ a: String, _ b: String) -> Bool {
        let ca = a.utf8.count, cb = b.utf8.count
        if ca == 0 || cb == 0 || abs(ca - cb) > max(8, min(ca, cb) / 2) { return false }
        func collapsed(_ s: String) -> [UInt8] {
            var out: [UInt8] = []
            out.reserveCapacity(s.utf8.count)
            var pending = false
            for byte in s.utf8 {
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D {
                    pending = !out.isEmpty
                } else {
                    if pending { out.append(0x20); pending = false }
                    out.append(byte)
                }
            }
            return out
        }
        let x = collapsed(a)
        return !x.isEmpty && x == collapsed(b)
    }
}
