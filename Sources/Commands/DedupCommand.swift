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

    /// Opens the run first (so an interrupt or a failure is recorded), compares — exact and minhash a chunk at a
    /// time, resumable (`ResumableDedup`) — and writes every match in one transaction that also drops the run's
    /// chunk rows.
    public func run(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        try settings.condition?.validate(in: database)
        let started = Date()
        let source = DedupSource(database: database, settings: settings)
        let summary = try RunRecorder.record(database, arguments: arguments, options: settings) { run in
            let (records, matches, statistics) = settings.method == .rouge
                ? try rougeDuplicates(source, interrupt: context.interrupt)
                : try ResumableDedup(settings: settings, source: source, run: run, context: context,
                                     showProgress: context.stderrIsTerminal && !json).findDuplicates()
            try context.interrupt.check()
            try database.transaction {
                try DedupChunkStore(database).delete(runID: run.runID)
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

    /// rouge compares texts with each other (each against the kept ones), so it reads them all into memory and
    /// is not chunked: an interrupted rouge run starts over.
    private func rougeDuplicates(
        _ source: DedupSource, interrupt: InterruptSignal
    ) throws -> (records: Int, matches: [DuplicateMatch], statistics: MinHashLSH.Statistics?) {
        var records: [DedupRecord] = []
        try source.forEachBatch(interrupt: interrupt) { records += $0 }
        let deduplicator = RougeDeduplicator(
            threshold: settings.threshold ?? DedupSettings.defaultThreshold(for: .rouge)!, policy: settings.policy)
        return (records.count, deduplicator.duplicates(records), nil)
    }
}
