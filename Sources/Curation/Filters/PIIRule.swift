/// Fails subjects containing personal data (see `PIIDetector`); `dsbench filter --scrub` writes a
/// redacted copy with `PIIScrubber` instead of only flagging.
public struct PIIRule: FilterRule, Codable, Equatable {
    public var name: String { "pii" }
    public var scopes: Set<RuleScope> { [.instruction, .output] }
    public var kinds: Set<PIIKind> = Set(PIIKind.allCases)

    public init(kinds: Set<PIIKind> = Set(PIIKind.allCases)) {
        self.kinds = kinds
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kinds = try c.decodeIfPresent(Set<PIIKind>.self, forKey: .kinds) ?? Set(PIIKind.allCases)
    }

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        let spans = PIIDetector(kinds: kinds).spans(in: subject.text)
        if spans.isEmpty { return .pass() }
        let found = Array(Set(spans.map(\.kind.rawValue))).sorted()
        return .fail("contains \(found.joined(separator: ", "))", ["kinds": .strings(found), "count": .int(spans.count)])
    }
}
