import Curation
import Dispatch

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
            let chunk = 2048
            let chunks = (subjects.count + chunk - 1) / chunk
            let results = ChunkResults<[[Judgement?]]>(repeating: [], count: chunks)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var local: [[Judgement?]] = []
                for i in (c * chunk)..<min(subjects.count, (c + 1) * chunk) {
                    let subject = subjects[i].value
                    local.append(rules.map { rule -> Judgement? in
                        guard rule.applies(to: subject.scope) else { return nil }
                        let outcome = rule.evaluate(subject)
                        return Judgement(outcome: outcome, detailJSON: outcome.detailJSON)
                    })
                }
                results.set(c, local)
            }
            return results.values.flatMap { $0 }
        }
    }
}
