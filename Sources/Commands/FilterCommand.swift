import Curation
import Foundation
import Hashing
import Store

/// `dsbench filter`: runs rule filters over instructions and completions and records one verdict per rule
/// per subject; `--dry-run` only reports, `--scrub` also writes redacted copies of rows with PII.
public struct FilterCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "filter",
        abstract: "Run rule filters (length, repetition, truncation, refusal, PII...) and record verdicts.",
        discussion: "Instruction rules judge instruction rows, output rules judge completions; every rule writes one "
            + "verdict per subject (history is kept, the latest counts). Rules: "
            + FilterConfig.allRuleNames.joined(separator: ", ") + ". Defaults come from --config (a rules.json, every "
            + "key optional) or built-in SFT defaults. --where selects rows of the examples view.",
        options: [
            .option("--rules", value: "r1,r2", help: "Rules to run (default: the config's rules list)."),
            .option("--config", value: "file", help: "rules.json with rule settings and the default rule list."),
            .option("--where", value: "sql", help: "Only examples matching this condition on the examples view."),
            .flag("--dry-run", help: "Print what would fail, by rule, without writing anything."),
            .flag("--scrub", help: "Write redacted copies (origin 'scrubbed') of rows containing PII."),
            .flag("--json", help: "Print the summary as JSON."),
        ],
        examples: [
            "dsbench filter",
            "dsbench filter --rules refusal,truncated --dry-run",
            "dsbench filter --config rules.json --where \"origin = 'generated'\"",
            "dsbench filter --rules pii --scrub",
        ])

    let ruleNames: [String]?
    let configPath: String?
    let condition: WhereCondition?
    let dryRun: Bool
    let scrub: Bool
    let json: Bool
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        self.arguments = arguments
        ruleNames = arguments.list("rules")
        configPath = arguments.string("config")
        condition = WhereCondition(arguments.string("where"))
        dryRun = arguments.flag("dry-run")
        scrub = arguments.flag("scrub")
        json = arguments.flag("json")
        if let names = ruleNames {
            if names.isEmpty { throw UsageError("--rules needs at least one rule name") }
            for name in names where !FilterConfig.allRuleNames.contains(name) {
                throw UsageError("--rules: unknown rule '\(name)' (known: \(FilterConfig.allRuleNames.joined(separator: ", ")))")
            }
        }
        if dryRun && scrub { throw UsageError("--dry-run and --scrub cannot be combined") }
    }

    public func run(context: CommandContext) throws {
        let (config, configDigest) = try loadConfig(context)
        let rules: [any FilterRule]
        do { rules = try config.makeRules(ruleNames) } catch { throw CommandError.failed("\(error)") }
        if rules.contains(where: { $0.name == "keywords" }) && config.keywords.isEmpty {
            throw UsageError("the keywords rule needs words or patterns in --config (\"keywords\": {\"words\": [...]})")
        }
        let database = try context.openDatabase(create: false)
        let subjects = Subjects(condition: condition)
        try subjects.validate(in: database)
        let started = Date()
        if dryRun {
            var summary = Summary(rules: rules)
            let walk = ChunkedRun(database: database, run: nil, context: context)
            try walk.walk(
                from: 0, progress: progress(context, walk, after: 0),
                load: { try subjects.load(database, range: $0) },
                evaluate: { Evaluation.Chunk(items: $0, rules: rules, keepingTexts: false) }
            ) { range, chunk in
                summary.add(chunk.keys, failures: chunk.failures)
                return Int(range.count)
            }
            context.stdout.write(summary.render(json: json, dryRun: true, seconds: Date().timeIntervalSince(started)))
            return
        }
        var scrubbed = 0
        // The run opens before the rules are evaluated, so a Ctrl-C at any point is recorded as interrupted.
        let (summary, runID) = try RunRecorder.record(
            database, arguments: arguments, inputDigests: configDigest.map { ["config": $0] } ?? [:]
        ) { run in
            var summary = Summary(rules: rules)
            let walk = ChunkedRun(database: database, run: run, context: context)
            let cursor = try walk.startingCursor(judgingAnswers: true)
            let writer = VerdictWriter(database: database, rules: rules, runID: run.runID)
            try writer.recordRules()
            let scrubber = scrub ? Scrubber(database: database, runID: run.runID,
                                            scrubber: PIIScrubber(detector: config.pii.detector)) : nil
            try walk.walk(
                from: cursor, progress: progress(context, walk, after: cursor),
                load: { try subjects.load(database, range: $0) },
                evaluate: { [scrub] in Evaluation.Chunk(items: $0, rules: rules, keepingTexts: scrub) }
            ) { range, chunk in
                summary.add(chunk.keys, failures: chunk.failures)
                var written = try writer.write(chunk.keys, chunk.failures)
                if let scrubber {
                    let copies = try scrubber.scrub(chunk.items)
                    written += try writer.write(copies.map(\.key), Evaluation.evaluate(rules, on: copies)) + copies.count
                    scrubbed += copies.count
                    run.count("scrubbed", copies.count)
                }
                run.totals.rowsWritten += written
                run.count("subjects", chunk.keys.count)
                for (name, failed) in summary.failedByRule { run.totals.counters["failed.\(name)"] = failed }
                return Int(range.count)
            }
            return (summary, run.runID)
        }
        context.stdout.write(summary.render(
            json: json, dryRun: false, seconds: Date().timeIntervalSince(started), runID: runID,
            scrubbed: scrub ? scrubbed : nil))
    }

    /// A progress line on a terminal (stderr), counting instructions.
    func progress(_ context: CommandContext, _ walk: ChunkedRun, after cursor: Int64) throws -> StepProgress {
        StepProgress(label: "filter", unit: "instructions", total: try walk.remaining(after: cursor), sink: context.stderr,
                     enabled: context.stderrIsTerminal && !json)
    }

    /// The rules' configuration from `--config` (defaults without it) and the SHA-256 of the file's bytes, which
    /// the run records so that a rerun resumes an interrupted run only with the same rules.
    func loadConfig(_ context: CommandContext) throws -> (FilterConfig, digest: String?) {
        guard let configPath else { return (FilterConfig(), nil) }
        let path = context.resolve(configPath)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.failed("--config: cannot read \(path)")
        }
        do { return (try FilterConfig.load(data), SHA256.hexDigest(of: data)) } catch {
            throw CommandError.data(file: configPath, line: 1, field: nil, reason: "not a valid rules.json: \(error)")
        }
    }
}
