import Foundation

extension FilterCommand {
    /// What `dsbench filter --json` prints: the rule counts of a run or dry run as one compact JSON object.
    struct Report: Encodable {
        var command = "filter"
        var dryRun: Bool
        var subjects: Int
        var seconds: Double
        var rules: [Summary.Line]
        /// The run's id; nil for a dry run, which records no run.
        var runID: Int64?
        /// Redacted copies written with `--scrub`; nil without it.
        var scrubbed: Int?

        enum CodingKeys: String, CodingKey {
            case command, subjects, seconds, rules, scrubbed
            case dryRun = "dry_run"
            case runID = "run_id"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(command, forKey: .command)
            try container.encode(dryRun, forKey: .dryRun)
            try container.encode(subjects, forKey: .subjects)
            try container.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
            try container.encode(rules, forKey: .rules)
            try container.encodeIfPresent(runID, forKey: .runID)
            try container.encodeIfPresent(scrubbed, forKey: .scrubbed)
        }
    }
}
