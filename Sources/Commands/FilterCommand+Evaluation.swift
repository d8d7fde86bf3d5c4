import Curation

extension FilterCommand {
    /// Applies rules to subjects on all cores. Deterministic: every subject is judged independently. Only the
    /// failures are kept (a pass is implied by the run's check), so a chunk's passes cost nothing once judged.
    enum Evaluation {
        /// A rule a subject failed, with its reason and detail already serialised (on the workers, not in the
        /// write loop).
        struct Failure: Sendable {
            /// Index of the rule in the run's rule list.
            var rule: Int
            var reason: String?
            var detailJSON: String?
        }

        /// One chunk's subjects with their failures, made on a background thread while the previous chunk is
        /// written. Only the subjects' keys are kept (their texts are freed on the background thread), unless
        /// `keepingTexts` (for --scrub, which redacts them on the writing thread).
        struct Chunk: Sendable {
            var keys: [Subject.Key]
            /// `failures[i]`: the rules `keys[i]` failed, in rule order (empty when it passed every rule).
            var failures: [[Failure]]
            /// The subjects themselves with `keepingTexts`, else empty.
            var items: [Subject]

            init(items: [Subject], rules: [any FilterRule], keepingTexts: Bool) {
                keys = items.map(\.key)
                failures = Evaluation.evaluate(rules, on: items)
                self.items = keepingTexts ? items : []
            }
        }

        /// The failures of each subject, in rule order; rules that do not judge a subject's scope are skipped.
        static func evaluate(_ rules: [any FilterRule], on subjects: [Subject]) -> [[Failure]] {
            // Which rules judge each scope, decided once rather than per subject and rule.
            let instructionRules = rules.indices.filter { rules[$0].applies(to: .instruction) }
            let outputRules = rules.indices.filter { rules[$0].applies(to: .output) }
            return subjects.concurrentMap(chunk: 256) { item in
                var failures: [Failure] = []
                for r in item.value.scope == .instruction ? instructionRules : outputRules {
                    let outcome = rules[r].evaluate(item.value)
                    if !outcome.passed {
                        failures.append(Failure(rule: r, reason: outcome.reason, detailJSON: outcome.detailJSON))
                    }
                }
                return failures
            }
        }
    }
}
