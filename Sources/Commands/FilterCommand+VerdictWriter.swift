import Curation
import Store

extension FilterCommand {
    /// Stores a filter run's outcomes compactly through `VerdictStore`: the rules the run applies per scope
    /// once, then per subject one check row and a `verdicts` row for each rule it failed (reason and detail).
    struct VerdictWriter {
        let database: Database
        let rules: [any FilterRule]
        let runID: Int64

        /// The `run_rules` rows: each rule with every scope it judges.
        func recordRules() throws {
            let store = VerdictStore(database)
            for rule in rules {
                for scope in RuleScope.allCases where rule.applies(to: scope) {
                    try store.recordRule(rule.name, scope: Self.storedScope(scope), runID: runID)
                }
            }
        }

        /// Writes the checks and failures of `subjects`; returns the number of rows written.
        func write(_ subjects: [Subject.Key], _ failures: [[Evaluation.Failure]]) throws -> Int {
            let store = VerdictStore(database)
            try store.recordChecks(subjects.map { .init(instructionID: $0.instructionID, completionID: $0.completionID) },
                                   runID: runID)
            var written = subjects.count
            for (index, subject) in subjects.enumerated() {
                for failure in failures[index] {
                    try store.insert(.init(
                        instructionID: subject.instructionID, completionID: subject.completionID,
                        filter: rules[failure.rule].name, passed: false, reason: failure.reason,
                        detail: failure.detailJSON, runID: runID))
                    written += 1
                }
            }
            return written
        }

        static func storedScope(_ scope: RuleScope) -> VerdictStore.Scope {
            switch scope {
            case .instruction: return .instruction
            case .output: return .completion
            }
        }
    }
}
