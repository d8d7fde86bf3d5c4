/// Fails subjects containing personal data (see `PIIDetector`); `dsbench filter --scrub` writes a
/// redacted copy with `PIIScrubber` instead of only flagging.
public struct PIIRule: FilterRule, Codable, Equatable {
    public var name: String { "pii" }
    public var scopes: Set<RuleScope> { [.instruction, .output] }
    public var kinds: Set<PIIKind> = Set(PIIKind.allCases)
    /// Which IPv4 addresses count (`"ip": "all"` or `"public"`, the default).
    public var ip: IPAddressScope = .public

    enum CodingKeys: String, CodingKey { case kinds, ip }

    public init(kinds: Set<PIIKind> = Set(PIIKind.allCases), ip: IPAddressScope = .public) {
        self.kinds = kinds
        self.ip = ip
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kinds = try c.decodeIfPresent(Set<PIIKind>.self, forKey: .kinds) ?? Set(PIIKind.allCases)
        ip = try c.decodeIfPresent(IPAddressScope.self, forKey: .ip) ?? .public
    }

    /// The detector this rule uses; the scrubber uses the same one so both make the same decisions.
    public var detector: PIIDetector { PIIDetector(kinds: kinds, ipScope: ip) }

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        let spans = detector.spans(in: subject.text)
        if spans.isEmpty { return .pass() }
        let found = Array(Set(spans.map(\.kind.rawValue))).sorted()
        return .fail("contains \(found.joined(separator: ", "))", ["kinds": .strings(found), "count": .int(spans.count)])
    }
}
