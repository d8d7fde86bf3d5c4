import Curation
import Dispatch

extension FilterCommand {
    /// Applies rules to subjects on all cores. Result `[subject][rule]` is nil where a rule does not judge
    /// the subject's scope. Deterministic: every slot is computed independently.
    enum Evaluation {
        static func evaluate(_ rules: [any FilterRule], on subjects: [Subject]) -> [[RuleOutcome?]] {
            let chunk = 2048
            let chunks = (subjects.count + chunk - 1) / chunk
            let results = ResultSlots(count: chunks)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                var local: [[RuleOutcome?]] = []
                for i in (c * chunk)..<min(subjects.count, (c + 1) * chunk) {
                    let subject = subjects[i].value
                    local.append(rules.map { $0.applies(to: subject.scope) ? $0.evaluate(subject) : nil })
                }
                results.set(c, local)
            }
            return results.values.flatMap { $0 }
        }
    }

    /// One slot per chunk, each written by exactly one worker.
    final class ResultSlots: @unchecked Sendable {
        private var slots: [[[RuleOutcome?]]]
        init(count: Int) { slots = Array(repeating: [], count: count) }
        func set(_ index: Int, _ value: [[RuleOutcome?]]) { slots.withUnsafeMutableBufferPointer { $0[index] = value } }
        var values: [[[RuleOutcome?]]] { slots }
    }
}
