/// A rule filter: looks at a subject's text(s) and returns a verdict. Rules are values, configured
/// once and applied to many subjects from many threads, with no I/O.
public protocol FilterRule: Sendable {
    /// The name stored in `verdicts.filter` and used on the command line (`--rules length,pii`).
    var name: String { get }
    /// Which subjects the rule judges; a rule is not asked about other scopes.
    var scopes: Set<RuleScope> { get }
    /// Judges one subject.
    func evaluate(_ subject: FilterSubject) -> RuleOutcome
}

extension FilterRule {
    /// True when the rule judges subjects of `scope`.
    public func applies(to scope: RuleScope) -> Bool { scopes.contains(scope) }
}
