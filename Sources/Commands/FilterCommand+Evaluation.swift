import Curation

extension FilterCommand {
    /// Applies rules to subjects on all cores. Result `[subject][rule]` is nil where a rule does not judge
    /// the subject's scope. Deterministic: every slot is computed independently.
    enum Evaluation {
        /// An outcome with its detail already serialised (done on the workers, not in the write loop).
        struct Judgement: Sendable {
            var outcome: RuleOutcome
            var detailJSON: String?
            var passed: Bool { outcome.passed }
            var reason: String? { outcome.reason }
        }

        /// One chunk's subjects with their judgements, made on a background thread while the previous chunk
        /// is written.
        struct Chunk: Sendable {
            var items: [Subject]
            var outcomes: [[Judgement?]]

            init(items: [Subject], rules: [any FilterRule]) {
                self.items = items
                outcomes = Evaluation.evaluate(rules, on: items)
            }
        }

        static func evaluate(_ rules: [any FilterRule], on subjects: [Subject]) -> [[Judgement?]] {
            // Which rules judge each scope, decided once rather than per subject and rule.
            let instructionRules = rules.map { $0.applies(to: .instruction) }
            let outputRules = rules.map { $0.applies(to: .output) }
            return subjects.concurrentMap(chunk: 256) { item in
                let applies = item.value.scope == .instruction ? instructionRules : outputRules
                return rules.indices.map { r -> Judgement? in
                    guard applies[r] else { return nil }
                    let outcome = rules[r].evaluate(item.value)
                    // Passes are stored without detail (implied by the run's check), so only failures serialise it.
                    return Judgement(outcome: outcome, detailJSON: outcome.passed ? nil : outcome.detailJSON)
                }
            }
        }
    }
}
