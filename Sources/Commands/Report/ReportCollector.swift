import Curation
import Foundation
import Report
import Store
import Synthesis

/// Gathers the values of `dsbench report` from the database: aggregate queries for the counts, funnel, filters,
/// scores, duplicates and costs; one streamed pass over the texts for lengths and leading words (measured in
/// Swift with `TextLength` and `LeadingWord`); and a seeded sample of `examples` rows.
///
/// With a `--where` condition the per-example sections cover only the instructions that have a selected
/// `examples` row (kept in a TEMP table for the connection); runs and LLM costs always cover the whole database.
struct ReportCollector {
    let database: Database
    let condition: WhereCondition?
    let sampleSize: Int
    let seed: UInt64
    let interrupt: InterruptSignal

    /// Checks the condition, then fills the temporary scope table it needs.
    func prepare() throws {
        guard let condition else { return }
        try condition.validate(in: database)
        try database.executeScript(
            "CREATE TEMP TABLE IF NOT EXISTS report_scope (instruction_id INTEGER PRIMARY KEY); DELETE FROM temp.report_scope;")
        try database.makeStatement(
            "INSERT OR IGNORE INTO temp.report_scope SELECT instruction_id FROM examples WHERE \(condition.sql)").execute([])
    }

    /// ` AND column IN (scope)` with a `--where`, else nothing.
    func scope(_ column: String) -> String {
        condition == nil ? "" : " AND \(column) IN (SELECT instruction_id FROM temp.report_scope)"
    }

    func collect(title: String, generatedAt: String) throws -> DatasetReport {
        try prepare()
        var report = DatasetReport(title: title, generatedAt: generatedAt, selection: condition?.text)
        report.instructions = try count("SELECT count(*) FROM instructions i WHERE 1" + scope("i.id"))
        report.completions = try count("SELECT count(*) FROM completions c WHERE 1" + scope("c.instruction_id"))
        report.examples = try count("SELECT count(*) FROM examples WHERE " + (condition?.sql ?? "1"))
        report.counts = try counts()
        report.funnel = try funnel()
        try interrupt.check()
        let texts = try textMeasures()
        report.lengths = texts.lengths
        report.leadingWords = texts.leadingWords
        try interrupt.check()
        report.ruleFailures = try ruleFailures()
        report.scores = try scores()
        report.duplicates = try duplicates()
        report.runs = try runs()
        report.purposes = try purposes()
        try interrupt.check()
        report.sample = try sample()
        report.sampleSize = sampleSize
        report.sampleSeed = seed
        return report
    }

    private func count(_ sql: String) throws -> Int { Int(try database.scalar(sql).intValue ?? 0) }

    func counts() throws -> [CountBreakdown] {
        try [("origin", "origin"), ("language", "language"), ("task type", "coalesce(task_type, '(none)')")].map {
            let rows = try database.query(
                "SELECT \($0.1) AS label, count(*) AS n FROM instructions i WHERE 1\(scope("i.id")) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 25")
            return CountBreakdown(dimension: $0.0, entries: rows.map { .init(label: $0.string("label"), count: $0.int("n")) })
        }
    }

    /// Made per (depth, strategy or origin) by one GROUP BY; eliminated and the reasons from one pass over the
    /// failing instruction-level latest verdicts (few rows, all stored: `latest_recorded_verdicts`), so no view
    /// is probed per instruction.
    func funnel() throws -> [FunnelStep] {
        var reasons: [String: [String: Int]] = [:]
        var eliminated: [String: Set<Int64>] = [:]
        try database.forEachRow(
            """
            SELECT i.depth, coalesce(i.strategy, i.origin) AS step, v.instruction_id, v.filter
            FROM latest_recorded_verdicts v JOIN instructions i ON i.id = v.instruction_id
            WHERE v.completion_id IS NULL AND v.passed = 0\(scope("i.id"))
            """
        ) { row in
            let key = "\(row.int("depth"))/\(row.string("step"))"
            reasons[key, default: [:]][row.string("filter"), default: 0] += 1
            eliminated[key, default: []].insert(row.int64("instruction_id"))
        }
        return try database.query(
            """
            SELECT i.depth, coalesce(i.strategy, i.origin) AS step, count(*) AS made
            FROM instructions i WHERE 1\(scope("i.id")) GROUP BY 1, 2 ORDER BY 1, 3 DESC, 2
            """
        ).map { row in
            let key = "\(row.int("depth"))/\(row.string("step"))"
            let ranked = (reasons[key] ?? [:]).sorted { ($0.value, $1.key) > ($1.value, $0.key) }
            return FunnelStep(depth: row.int("depth"), strategy: row.string("step"), made: row.int("made"),
                              eliminated: eliminated[key]?.count ?? 0,
                              reasons: ranked.map { LabelCount(label: $0.key, count: $0.value) })
        }
    }

    /// Lengths per language and field, and leading words of English and Chinese instructions.
    func textMeasures() throws -> (lengths: [LengthDistribution], leadingWords: [LeadingWordTally]) {
        var instructionLengths: [String: [Int]] = [:]
        var outputLengths: [String: [Int]] = [:]
        var leading: [String: [String: Int]] = [:]
        var seen = 0
        try database.forEachRow(
            "SELECT i.language, i.instruction, i.input, i.task_id FROM instructions i WHERE 1\(scope("i.id"))"
        ) { row in
            seen += 1
            if seen % 8192 == 0 { try interrupt.check() }
            let language = row.string("language")
            let instruction = row.string("instruction")
            let input = row.string("input")
            instructionLengths[language, default: []].append(
                TextLength.units(instruction) + (input.isEmpty ? 0 : TextLength.units(input)))
            // Instance rows of one self-instruct task repeat its instruction: count the task once.
            guard row["task_id"] == .null else { return }
            let word = language == "en" ? LeadingWord.english(instruction)
                : language == "zh" ? LeadingWord.chinese(instruction) : nil
            if let word { leading[language, default: [:]][word, default: 0] += 1 }
        }
        try database.forEachRow(
            """
            SELECT i.language, c.output FROM completions c JOIN instructions i ON i.id = c.instruction_id
            WHERE 1\(scope("c.instruction_id"))
            """
        ) { row in
            seen += 1
            if seen % 8192 == 0 { try interrupt.check() }
            outputLengths[row.string("language"), default: []].append(TextLength.units(row.string("output")))
        }
        var lengths: [LengthDistribution] = []
        let languages = Set(instructionLengths.keys).union(outputLengths.keys).sorted {
            (instructionLengths[$0]?.count ?? 0, $1) > (instructionLengths[$1]?.count ?? 0, $0)
        }
        for language in languages {
            let unit = ["zh", "ja", "ko"].contains(language) ? "characters" : language == "en" ? "words" : "units"
            if let values = instructionLengths[language] {
                lengths.append(LengthDistribution(language: language, field: "instruction", unit: unit, lengths: values))
            }
            if let values = outputLengths[language] {
                lengths.append(LengthDistribution(language: language, field: "output", unit: unit, lengths: values))
            }
        }
        let tallies = leading.keys.sorted().map { language -> LeadingWordTally in
            let words = leading[language]!
            let top = words.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(20)
            return LeadingWordTally(language: language, total: words.values.reduce(0, +),
                                    top: top.map { LabelCount(label: $0.key, count: $0.value) }, distinct: words.count)
        }
        return (lengths, tallies)
    }

    func ruleFailures() throws -> [RuleFailures] {
        var examples: [String: [RuleFailures.Example]] = [:]
        try database.forEachRow(
            """
            SELECT f.filter, f.instruction_id, f.completion_id, f.reason,
                CASE WHEN f.completion_id IS NULL THEN i.instruction || iif(i.input = '', '', char(10) || i.input)
                    ELSE c.output END AS text
            FROM (
                SELECT v.filter, v.instruction_id, v.completion_id, v.reason,
                    row_number() OVER (PARTITION BY v.filter ORDER BY v.id) AS rank
                FROM latest_recorded_verdicts v WHERE v.passed = 0\(scope("v.instruction_id"))
            ) f
            JOIN instructions i ON i.id = f.instruction_id LEFT JOIN completions c ON c.id = f.completion_id
            WHERE f.rank <= 3 ORDER BY f.filter, f.rank
            """
        ) { row in
            examples[row.string("filter"), default: []].append(.init(
                instructionID: row.int64("instruction_id"), completionID: row.optionalInt64("completion_id"),
                text: row.string("text"), reason: row.optionalString("reason") ?? "(no reason given)"))
        }
        return try database.query(
            """
            SELECT filter, count(*) AS checked, sum(passed = 0) AS failed FROM latest_verdicts v
            WHERE 1\(scope("v.instruction_id")) GROUP BY filter ORDER BY 3 DESC, 1
            """
        ).map { row in
            RuleFailures(rule: row.string("filter"), checked: row.int("checked"), failed: row.int("failed"),
                         examples: examples[row.string("filter")] ?? [])
        }
    }

    func scores() throws -> [ScoreDistribution] {
        var bins: [String: [Int]] = [:]
        try database.forEachRow(
            """
            SELECT scorer, min(CAST(value AS INTEGER), 9) AS bin, count(*) AS n FROM scores s
            WHERE 1\(scope("s.instruction_id")) GROUP BY 1, 2
            """
        ) { row in
            bins[row.string("scorer"), default: Array(repeating: 0, count: 10)][row.int("bin")] += row.int("n")
        }
        return try database.query(
            "SELECT scorer, count(*) AS n, avg(value) AS mean FROM scores s WHERE 1\(scope("s.instruction_id")) GROUP BY 1 ORDER BY 1"
        ).map { row in
            ScoreDistribution(scorer: row.string("scorer"), count: row.int("n"), mean: row.double("mean"),
                              binCounts: bins[row.string("scorer")] ?? Array(repeating: 0, count: 10))
        }
    }

    func duplicates() throws -> [DuplicateSummary] {
        let totals = try database.query(
            """
            SELECT method, count(*) AS n, count(DISTINCT duplicate_of) AS clusters FROM active_duplicates d
            WHERE 1\(scope("d.instruction_id")) GROUP BY 1 ORDER BY 1
            """)
        return try totals.map { total in
            let method = total.string("method")
            let largest = try database.query(
                """
                SELECT d.duplicate_of, count(*) AS n, i.instruction FROM active_duplicates d
                JOIN instructions i ON i.id = d.duplicate_of
                WHERE d.method = ?\(scope("d.instruction_id")) GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 3
                """, [.text(method)])
            let clusters = try largest.map { cluster in
                let members = try database.query(
                    """
                    SELECT d.instruction_id, d.similarity, i.instruction FROM active_duplicates d
                    JOIN instructions i ON i.id = d.instruction_id
                    WHERE d.method = ? AND d.duplicate_of = ?\(scope("d.instruction_id"))
                    ORDER BY d.similarity DESC, d.instruction_id LIMIT 5
                    """, [.text(method), cluster["duplicate_of"]])
                return DuplicateSummary.Cluster(
                    survivorID: cluster.int64("duplicate_of"), survivorText: cluster.string("instruction"),
                    size: cluster.int("n"), members: members.map {
                        .init(id: $0.int64("instruction_id"), text: $0.string("instruction"), similarity: $0.double("similarity"))
                    })
            }
            return DuplicateSummary(method: method, duplicates: total.int("n"), clusters: total.int("clusters"), examples: clusters)
        }
    }

    func runs() throws -> [RunCost] {
        try database.query(
            """
            SELECT id, command, status, model, endpoint_host, template, started_at, rows_written, llm_calls,
                prompt_tokens, completion_tokens, cost_usd FROM runs ORDER BY id
            """
        ).map { row in
            var run = RunCost(id: row.int64("id"), command: row.string("command"), status: row.string("status"),
                              startedAt: row.string("started_at"))
            run.model = row.optionalString("model")
            run.endpointHost = row.optionalString("endpoint_host")
            run.template = row.optionalString("template")
            run.rowsWritten = row.int("rows_written")
            run.calls = row.int("llm_calls")
            run.promptTokens = row.int("prompt_tokens")
            run.completionTokens = row.int("completion_tokens")
            run.cost = row.double("cost_usd")
            return run
        }
    }

    func purposes() throws -> [PurposeCost] {
        try database.query(
            """
            SELECT purpose, model, count(*) AS calls, sum(status = 'failed') AS failed,
                coalesce(sum(prompt_tokens), 0) AS prompt_tokens, coalesce(sum(completion_tokens), 0) AS completion_tokens,
                coalesce(sum(cost_usd), 0) AS cost FROM llm_calls GROUP BY 1, 2 ORDER BY 1, 2
            """
        ).map { row in
            PurposeCost(purpose: row.string("purpose"), model: row.string("model"), calls: row.int("calls"),
                        failed: row.int("failed"), promptTokens: row.int("prompt_tokens"),
                        completionTokens: row.int("completion_tokens"), cost: row.double("cost"))
        }
    }
}
