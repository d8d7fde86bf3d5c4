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
                    default: "0.8 (minhash), 0.7 (rouge)"),
            .option("--field", value: "field", help: "Compare the instruction only, or instruction+input+output.",
                    default: "instruction", allowed: ["instruction", "all"]),
            .option("--num-perm", value: "n", help: "MinHash permutations.", default: "128"),
            .option("--shingle", value: "kind", help: "word, or char-N for character N-grams.", default: "word"),
            .option("--keep", value: "policy", help: "Which row of a cluster survives.", default: "best-score",
                    allowed: ["best-score", "first"]),
            .flag("--json", help: "Print the summary as JSON."),
        ],
        examples: [
            "dsbench dedup",
            "dsbench dedup --method exact",
            "dsbench dedup --method minhash --threshold 0.7 --shingle char-5 --field all",
            "dsbench dedup --method rouge --threshold 0.7 --keep first",
        ])

    let method: DuplicateStore.Method
    let threshold: Double
    let field: String
    let permutations: Int
    let shingling: Shingling
    let policy: SurvivorPolicy
    let json: Bool
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        self.arguments = arguments
        method = DuplicateStore.Method(rawValue: arguments.string("method") ?? "minhash") ?? .minhash
        threshold = try arguments.double("threshold", in: 0...1) ?? (method == .rouge ? 0.7 : 0.8)
        field = arguments.string("field") ?? "instruction"
        permutations = try arguments.int("num-perm", minimum: 8) ?? 128
        guard let shingling = Shingling(arguments.string("shingle") ?? "word") else {
            throw UsageError("--shingle expects 'word' or 'char-N' (e.g. char-5), got '\(arguments.string("shingle") ?? "")'")
        }
        self.shingling = shingling
        policy = SurvivorPolicy(rawValue: arguments.string("keep") ?? "best-score") ?? .bestScore
        json = arguments.flag("json")
        if method != .minhash && (arguments.string("num-perm") != nil || arguments.string("shingle") != nil) {
            throw UsageError("--num-perm and --shingle apply to --method minhash only")
        }
        if method == .exact && arguments.string("threshold") != nil {
            throw UsageError("--threshold does not apply to --method exact")
        }
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        let started = Date()
        var statistics: MinHashLSH.Statistics? = nil
        let matches: [DuplicateMatch]
        var records: [DedupRecord] = []
        // exact and minhash read the records in batches and keep only what they compare (canonical keys;
        // shingles and band hashes), not the texts.
        switch method {
        case .exact:
            var keys: [String] = []
            try forEachBatch(database, interrupt: context.interrupt) { batch in
                keys += batch.concurrentMap { ExactDeduplicator.key($0.text) }
                records += batch.map { DedupRecord(id: $0.id, text: "", score: $0.score, rank: $0.rank) }
            }
            matches = ExactDeduplicator(policy: policy).duplicates(records, keys: keys)
        case .minhash:
            let lsh = MinHashLSH(threshold: threshold, permutations: permutations, shingling: shingling, policy: policy)
            var index = lsh.makeIndex()
            try forEachBatch(database, interrupt: context.interrupt) { index.add($0) }
            records = index.records
            let result = lsh.duplicates(in: index)
            matches = result.matches
            statistics = result.statistics
        case .rouge:
            try forEachBatch(database, interrupt: context.interrupt) { records += $0 }
            matches = RougeDeduplicator(threshold: threshold, policy: policy).duplicates(records)
        }
        try context.interrupt.check()
        let seconds = Date().timeIntervalSince(started)
        try RunRecorder.record(database, arguments: arguments) { run in
            // The active_duplicates view finds a run's method in its options; record it even when defaulted.
            try database.execute(
                "UPDATE runs SET options = json_set(options, '$.method', ?, '$.threshold', ?, '$.field', ?) WHERE id = ?",
                [.text(method.rawValue), method == .exact ? .null : .real(threshold), .text(field), .integer(run.runID)])
            try database.transaction {
                let store = DuplicateStore(database)
                for match in matches {
                    try store.insert(.init(
                        instructionID: Int64(match.id), duplicateOf: Int64(match.duplicateOf), method: method, field: field,
                        similarity: match.similarity, threshold: method == .exact ? nil : threshold, runID: run.runID))
                }
            }
            run.totals.rowsWritten = matches.count
            run.count("records", records.count)
            run.count("duplicates", matches.count)
            if let statistics {
                run.count("candidate_pairs", statistics.candidatePairs)
                run.count("verified_pairs", statistics.verifiedPairs)
                run.count("unverified_pairs", statistics.unverifiedPairs)
            }
        }
        if json {
            var object: [String: Any] = [
                "method": method.rawValue, "records": records.count, "duplicates": matches.count, "field": field,
                "seconds": (seconds * 1000).rounded() / 1000,
            ]
            if method != .exact { object["threshold"] = threshold }
            if let statistics {
                object["candidate_pairs"] = statistics.candidatePairs
                object["verified_pairs"] = statistics.verifiedPairs
                object["unverified_pairs"] = statistics.unverifiedPairs
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            context.print(String(decoding: data, as: UTF8.self))
        } else {
            var line = "\(method.rawValue): \(matches.count) duplicates among \(records.count) instructions"
            if method != .exact { line += " (threshold \(threshold))" }
            line += " in \(String(format: "%.2f", seconds)) s"
            context.print(line)
            if let statistics {
                context.print("candidate pairs \(statistics.candidatePairs), verified \(statistics.verifiedPairs), "
                              + "accepted \(statistics.acceptedPairs), unverified \(statistics.unverifiedPairs)")
            }
        }
    }

    /// Every instruction with its comparison text, best quality score (as `examples.best_score`: complexity
    /// measures difficulty, not quality) and whether it failed a filter, in id order, `batch` at a time. On the
    /// instruction field, instance rows of a self-instruct task (task_id set) are left out: they repeat their
    /// task's instruction on purpose, with other inputs, and the task row stands for them.
    func forEachBatch(
        _ database: Database, interrupt: InterruptSignal, batch: Int = 16_384, _ body: ([DedupRecord]) throws -> Void
    ) throws {
        let text = field == "all"
            ? "i.instruction || char(10) || i.input || char(10) || coalesce((SELECT group_concat(c.output, char(10)) FROM completions c WHERE c.instruction_id = i.id), '')"
            : "i.instruction"
        let sql = """
            SELECT i.id, \(text) AS text,
                (SELECT max(s.value) FROM scores s WHERE s.instruction_id = i.id AND s.scorer <> 'complexity') AS score,
                EXISTS (SELECT 1 FROM latest_recorded_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0) AS failed
            FROM instructions i WHERE i.id > ? \(field == "all" ? "" : "AND i.task_id IS NULL") ORDER BY i.id LIMIT ?
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
