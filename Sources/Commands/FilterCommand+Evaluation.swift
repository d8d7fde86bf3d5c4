import Curation

extension FilterCommand {
    /// Applies rules to subjects on all cores. Result `[subject][rule]` is nil where a rule does not judge
    /// the subject's scope. Deterministic: every slot is computed independently.
    enum Evaluation {
        /// An outcome with its detail already serialised (done on the workers, not in the write loop).
        struct Judgement {
            var outcome: RuleOutcome
            var detailJSON: String?
            var passed: Bool { outcome.passed }
            var reason: String? { outcome.reason }
        }

        static func evaluate(_ rules: [any FilterRule], on subjects: [Subject]) -> [[Judgement?]] {
            subjects.concurrentMap(chunk: 1024) { item in
                rules.map { rule -> Judgement? in
                    guard rule.applies(to: item.value.scope) else { return nil }
                    let outcome = rule.evaluate(item.value)
                    // Passes are stored without detail (implied by the run's check), so only failures serialise it.
                    return Judgement(outcome: outcome, detailJSON: outcome.passed ? nil : outcome.detailJSON)
                }
            }
        }
    }
}
