import Curation
import Foundation
import Store

/// `dsbench dedup`: finds exact or near-duplicate instructions and records which row each dropped row
/// duplicates. The latest succeeded run per method is what the `examples` view (is_duplicate) uses.
public struct DedupCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "dedup",
        abstract: "Find duplicate instructions (exact, MinHash-LSH near-duplicates, or ROUGE-L) and record them.",
        discussion: "exact compares canonical text (case, width, whitespace, punctuation ignored). minhash proposes "
            + "candidates with MinHash-LSH tuned for recall and verifies every pair by exact Jaccard (>= threshold, "
            + "inclusive) on word sets (CJK: character bigrams) or character n-grams. rouge drops rows whose ROUGE-L F "
            + "against a kept row reaches the threshold. Rows are kept in order of preference — passed its filters, "
            + "then the best score (--keep best-score), then the earliest id — and a row that reaches the threshold "
            + "against a kept row is dropped and points at it.",
        options: [
            .option("--method", value: "method", help: "exact, minhash or rouge.", default: "minhash",
                    allowed: ["exact", "minhash", "rouge"]),
            .option("--threshold", value: "t", help: "Similarity threshold (minhash: Jaccard, rouge: ROUGE-L F).",
                    default: "\(DedupSettings.defaultThreshold(for: .minhash)!) (minhash), \(DedupSettings.defaultThreshold(for: .rouge)!) (rouge)"),
            .option("--field", value: "field", help: "Compare the instruction only, or instruction+input+output.",
                    default: "instruction", allowed: ["instruction", "all"]),
            .option("--num-perm", value: "n", help: "MinHash permutations.", default: "\(DedupSettings.defaultPermutations)"),
            .option("--shingle", value: "kind", help: "word, or char-N for character N-grams.", default: "word"),
            .option("--keep", value: "policy", help: "Which row of a cluster survives.", default: "best-score",
                    allowed: ["best-score", "first"]),
            .option("--where", value: "sql", help: "Compare only the instructions whose rows of the examples view match this SQL condition."),
            .flag("--json", help: "Print the summary as JSON."),
        ],
        examples: [
            "dsbench dedup",
            "dsbench dedup --method exact",
            "dsbench dedup --method minhash --threshold 0.7 --shingle char-5 --field all",
            "dsbench dedup --method rouge --threshold 0.7 --keep first",
            "dsbench dedup --where \"origin = 'generated'\"",
        ])

    let settings: DedupSettings
    let json: Bool
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        self.arguments = arguments
        let method = DuplicateStore.Method(rawValue: arguments.string("method") ?? "minhash") ?? .minhash
        if method != .minhash && (arguments.string("num-perm") != nil || arguments.string("shingle") != nil) {
            throw UsageError("--num-perm and --shingle apply to --method minhash only")
        }
        if method == .exact && arguments.string("threshold") != nil {
            throw UsageError("--threshold does not apply to --method exact")
        }
        var shingling: Shingling?
        if method == .minhash {
            guard let parsed = Shingling(arguments.string("shingle") ?? "word") else {
                throw UsageError("--shingle expects 'word' or 'char-N' (e.g. char-5), got '\(arguments.string("shingle") ?? "")'")
            }
            shingling = parsed
        }
        settings = DedupSettings(
            method: method,
            threshold: try arguments.double("threshold", in: 0...1) ?? DedupSettings.defaultThreshold(for: method),
            field: arguments.string("field") ?? "instruction",
            permutations: method == .minhash ? try arguments.int("num-perm", minimum: 8) ?? DedupSettings.defaultPermutations : nil,
            shingling: shingling,
            policy: SurvivorPolicy(rawValue: arguments.string("keep") ?? "best-score") ?? .bestScore,
            condition: WhereCondition(arguments.string("where")))
        json = arguments.flag("json")
    }

    /// Opens the run first (so an interrupt or a failure is recorded), compares, and writes every match in one
    /// transaction.
    public func run(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        try settings.condition?.validate(in: database)
        let started = Date()
        let summary = try RunRecorder.record(database, arguments: arguments, options: settings) { run in
            let (records, matches, statistics) = try findDuplicates(database, interrupt: context.interrupt)
            try context.interrupt.check()
            try database.transaction {
                let store = DuplicateStore(database)
                for match in matches {
                    try store.insert(.init(
                        instructionID: Int64(match.id), duplicateOf: Int64(match.duplicateOf), method: settings.method,
                        field: settings.field, similarity: match.similarity, threshold: settings.threshold, runID: run.runID))
                }
            }
            run.totals.rowsWritten = matches.count
            run.count("records", records)
            run.count("duplicates", matches.count)
            if let statistics {
                run.count("candidate_pairs", statistics.candidatePairs)
                run.count("verified_pairs", statistics.verifiedPairs)
                run.count("rejected_pairs", statistics.rejectedPairs)
            }
            return DedupSummary(
                settings: settings, records: records, duplicates: matches.count,
                seconds: Date().timeIntervalSince(started), runID: run.runID, statistics: statistics)
        }
        context.print(json ? JSONOutput.line(summary) : summary.text)
    }

    /// The number of records compared, the matches of the chosen method, and MinHash-LSH's pair counts. exact
    /// and minhash read the records in batches and keep only what they compare (canonical keys; shingles and
    /// band hashes), not the texts, so memory stays well below the texts' size.
    private func findDuplicates(
        _ database: Database, interrupt: InterruptSignal
    ) throws -> (records: Int, matches: [DuplicateMatch], statistics: MinHashLSH.Statistics?) {
        switch settings.method {
        case .exact:
            var records: [DedupRecord] = [], keys: [String] = []
            try forEachBatch(database, interrupt: interrupt) { batch in
                keys += batch.concurrentMap { ExactDeduplicator.key($0.text) }
                records += batch.map { DedupRecord(id: $0.id, text: "", score: $0.score, rank: $0.rank) }
            }
            return (records.count, ExactDeduplicator(policy: settings.policy).duplicates(records, keys: keys), nil)
        case .minhash:
            let lsh = MinHashLSH(
                threshold: settings.threshold ?? DedupSettings.defaultThreshold(for: .minhash)!, permutations: settings.permutations ?? DedupSettings.defaultPermutations,
                shingling: settings.shingling ?? .word, policy: settings.policy)
            var index = lsh.makeIndex()
            try forEachBatch(database, interrupt: interrupt) { index.add($0) }
            try interrupt.check()
            let result = lsh.duplicates(in: index)
            return (index.count, result.matches, result.statistics)
        case .rouge:
            var records: [DedupRecord] = []
            try forEachBatch(database, interrupt: interrupt) { records += $0 }
            return (records.count, RougeDeduplicator(threshold: settings.threshold ?? DedupSettings.defaultThreshold(for: .rouge)!, policy: settings.policy).duplicates(records), nil)
        }
    }

    /// Every instruction with its comparison text, best quality score (as `examples.best_score`: complexity
    /// measures difficulty, not quality) and whether it failed a filter, in id order, `batch` at a time. On the
    /// instruction field, instance rows of a self-instruct task (task_id set) are left out: they repeat their
    /// task's instruction on purpose, with other inputs, and the task row stands for them. `--where` keeps the
    /// instructions with a matching row in the `examples` view.
    func forEachBatch(
        _ database: Database, interrupt: InterruptSignal, batch: Int = 16_384, _ body: ([DedupRecord]) throws -> Void
    ) throws {
        let selection = settings.condition.map { " AND i.id IN (SELECT instruction_id FROM examples WHERE \($0.sql))" } ?? ""
        let text = settings.field == "all"
            ? "i.instruction || char(10) || i.input || char(10) || coalesce((SELECT group_concat(c.output, char(10)) FROM completions c WHERE c.instruction_id = i.id), '')"
            : "i.instruction"
        let sql = """
            SELECT i.id, \(text) AS text,
                (SELECT max(s.value) FROM scores s WHERE s.instruction_id = i.id AND s.scorer <> 'complexity') AS score,
                EXISTS (SELECT 1 FROM latest_recorded_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0) AS failed
            FROM instructions i WHERE i.id > ? AND \(settings.field == "all" ? "1" : "i.task_id IS NULL")\(selection)
            ORDER BY i.id LIMIT ?
            """
        var cursor: Int64 = 0
        while true {
            try interrupt.check()
            var records: [DedupRecord] = []
            try database.forEachRow(sql, [.integer(cursor), .integer(Int64(batch))]) { row in
                records.append(DedupRecord(id: row.int("id"), text: row.string("text"), score: row.optionalDouble("score"),
                                           rank: row.int("failed")))
            }
            guard let last = records.last else { return }
            cursor = Int64(last.id)
            try body(records)
        }
    }
}
