import Curation
import Foundation

extension FilterCommand {
    /// Counts per rule (checked, failed) and a few example reasons, printed after a run or a dry run.
    struct Summary {
        struct Line: Encodable {
            var rule: String
            var checked = 0
            var failed = 0
            var examples: [String] = []
        }

        var lines: [Line]
        var subjects = 0

        /// Per rule, whether it judges instruction subjects and whether it judges completions.
        private let judges: [(instruction: Bool, output: Bool)]

        init(rules: [any FilterRule]) {
            lines = rules.map { Line(rule: $0.name) }
            judges = rules.map { ($0.applies(to: .instruction), $0.applies(to: .output)) }
        }

        /// Counts one chunk's outcomes: every subject is checked by each rule of its scope.
        mutating func add(_ subjects: [Subject.Key], failures: [[Evaluation.Failure]]) {
            self.subjects += subjects.count
            let instructions = subjects.count { $0.completionID == nil }
            for r in lines.indices {
                lines[r].checked += (judges[r].instruction ? instructions : 0) + (judges[r].output ? subjects.count - instructions : 0)
            }
            for (i, row) in failures.enumerated() {
                for failure in row {
                    let r = failure.rule
                    lines[r].failed += 1
                    if lines[r].examples.count < 3 {
                        let s = subjects[i]
                        let what = s.completionID.map { "completion \($0)" } ?? "instruction \(s.instructionID)"
                        lines[r].examples.append("\(what): \(failure.reason ?? "failed")")
                    }
                }
            }
        }

        var failedByRule: [(String, Int)] { lines.map { ($0.rule, $0.failed) } }

        /// The summary as printed: one compact JSON line with `--json` (`command`, `dry_run`, `subjects`,
        /// `seconds`, `rules`, `scrubbed` with --scrub, and `run_id` unless a dry run recorded none), a table otherwise.
        func render(json: Bool, dryRun: Bool, seconds: Double, runID: Int64? = nil, scrubbed: Int? = nil) -> String {
            if json {
                return JSONOutput.line(Report(
                    dryRun: dryRun, subjects: subjects, seconds: seconds, rules: lines, runID: runID, scrubbed: scrubbed)) + "\n"
            }
            var out = dryRun ? "dry run: nothing written\n" : ""
            out += ResultPrinter.table(columns: ["rule", "checked", "failed"],
                                       rows: lines.map { [$0.rule, String($0.checked), String($0.failed)] })
            for line in lines where !line.examples.isEmpty {
                for example in line.examples { out += "  \(line.rule): \(example)\n" }
            }
            let rate = seconds > 0 ? Int(Double(subjects) / seconds) : 0
            out += "\(subjects) subjects in \(String(format: "%.2f", seconds)) s (\(rate)/s)\n"
            if let scrubbed { out += "scrubbed: \(scrubbed) redacted rows written (origin 'scrubbed')\n" }
            return out
        }
    }
}
