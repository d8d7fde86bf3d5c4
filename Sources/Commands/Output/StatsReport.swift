import Foundation
import LLM
import Store

/// The figures `dsbench stats` prints, gathered with a handful of aggregate queries and three linear scans
/// (verdict checks, instruction texts, outputs), in memory that does not grow with the number of rows.
struct StatsReport {
    var instructions = 0
    var completions = 0
    var groups: [(title: String, columns: [String], rows: [[SQLValue]])] = []
    var lengths: [(name: String, chars: Percentiles, tokens: Percentiles)] = []

    /// p50/p90/p99/max of the lengths counted in a histogram (nearest rank on the ascending list).
    struct Percentiles {
        var count = 0, p50 = 0, p90 = 0, p99 = 0, max = 0

        init(_ histogram: LengthHistogram) {
            guard histogram.total > 0 else { return }
            func at(_ q: Double) -> Int { histogram.value(atRank: Int((Double(histogram.total - 1) * q).rounded())) }
            count = histogram.total
            p50 = at(0.5)
            p90 = at(0.9)
            p99 = at(0.99)
            max = histogram.value(atRank: histogram.total - 1)
        }

        var dictionary: [String: Int] { ["count": count, "p50": p50, "p90": p90, "p99": p99, "max": max] }
    }

    /// The title of the verdict group, whose figures `LatestVerdictTally` counts (see `verdictRows`).
    static let verdictTitle = "verdicts (latest per subject and filter)"

    /// The title of the duplicate group, counted by `duplicateGroup`.
    static let duplicateTitle = "duplicates (latest dedup run per method)"

    static let groupQueries: [(String, String)] = [
        ("by origin", "SELECT origin, count(*) AS instructions FROM instructions GROUP BY origin ORDER BY 2 DESC"),
        ("by language", "SELECT language, count(*) AS instructions FROM instructions GROUP BY language ORDER BY 2 DESC"),
        ("by task type", "SELECT task_type, count(*) AS instructions FROM instructions WHERE task_type IS NOT NULL GROUP BY task_type ORDER BY 2 DESC, 1"),
        ("by depth", "SELECT depth, count(*) AS instructions FROM instructions GROUP BY depth ORDER BY depth"),
        ("by strategy", """
            SELECT coalesce(strategy, '-') AS strategy, count(*) AS instructions,
                sum(EXISTS (SELECT 1 FROM latest_recorded_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0)) AS eliminated
            FROM instructions i WHERE strategy IS NOT NULL GROUP BY strategy ORDER BY 2 DESC
            """),
        ("evolution yield by strategy and depth", """
            SELECT strategy, depth, count(*) AS evolved,
                count(*) - sum(EXISTS (SELECT 1 FROM latest_recorded_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0)) AS kept
            FROM instructions i WHERE origin IN ('evolved', 'rules') GROUP BY strategy, depth ORDER BY depth, strategy
            """),
        ("evolution by round", """
            SELECT round, count(*) AS evolved, min(depth) AS min_depth, max(depth) AS max_depth,
                count(*) - sum(EXISTS (SELECT 1 FROM latest_recorded_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0)) AS kept
            FROM instructions i WHERE round IS NOT NULL GROUP BY round ORDER BY round
            """),
        (verdictTitle, ""),
        ("scores", """
            SELECT scorer, count(*) AS scored, round(avg(value), 2) AS mean, min(value) AS min, max(value) AS max
            FROM scores GROUP BY scorer ORDER BY scorer
            """),
        ("preferences (latest preferences run)", """
            SELECT scorer, rejected_policy, count(*) AS pairs, round(avg(margin), 2) AS mean_margin,
                round(min(margin), 2) AS min_margin, round(max(margin), 2) AS max_margin
            FROM latest_preferences GROUP BY scorer, rejected_policy ORDER BY scorer
            """),
        ("pairwise judgements (first asks; swap checks re-ask a pair in the other order)", """
            SELECT j.judge, j.template, count(*) AS judged, sum(j.winner = 'tie') AS ties,
                round(100.0 * sum(j.winner = 'first') / nullif(sum(j.winner <> 'tie'), 0), 1) AS first_shown_win_pct,
                count(k.id) AS swap_checked,
                round(100.0 * sum(k.id IS NOT NULL AND j.preferred_id IS k.preferred_id) / nullif(count(k.id), 0), 1)
                    AS swap_agreement_pct
            FROM pairwise_judgements j
            LEFT JOIN pairwise_judgements k ON k.swap_check = 1 AND k.instruction_id = j.instruction_id
                AND k.first_id = j.second_id AND k.second_id = j.first_id AND k.judge = j.judge AND k.template = j.template
            WHERE j.swap_check = 0 GROUP BY j.judge, j.template ORDER BY j.judge
            """),
        (duplicateTitle, ""),
        ("runs", """
            SELECT command, count(*) AS runs, sum(status = 'succeeded') AS succeeded, sum(rows_written) AS rows_written,
                sum(llm_calls) AS llm_calls, sum(prompt_tokens + completion_tokens) AS tokens, round(sum(cost_usd), 4) AS cost_usd
            FROM runs GROUP BY command ORDER BY min(id)
            """),
    ]

    /// The queries behind the length percentiles: one text per instruction (with its input) and per output.
    static let lengthQueries = [
        ("instruction", "SELECT iif(input = '', instruction, instruction || ' ' || input) AS t FROM instructions"),
        ("output", "SELECT output AS t FROM completions"),
    ]

    /// Gathers every figure; `progress` advances by the rows the long scans read (verdict checks, texts).
    static func collect(_ database: Database, progress: StepProgress? = nil) throws -> StatsReport {
        var report = StatsReport()
        report.instructions = Int(try database.scalar("SELECT count(*) FROM instructions").intValue ?? 0)
        report.completions = Int(try database.scalar("SELECT count(*) FROM completions").intValue ?? 0)
        progress?.total = Int(try database.scalar("SELECT count(*) FROM verdict_checks").intValue ?? 0)
            + report.instructions + report.completions
        for (title, sql) in groupQueries {
            let group = switch title {
            case verdictTitle: try verdictGroup(database, progress: progress)
            case duplicateTitle: try duplicateGroup(database)
            default: try queryGroup(sql, database)
            }
            if let group { report.groups.append((title, group.columns, group.rows)) }
        }
        for (name, sql) in lengthQueries {
            var lengths = TextLengths()
            try database.scan(sql) { row in
                lengths.add(row.withText(0) { TextMeasure(utf8: $0) } ?? TextMeasure(""))
                if lengths.chars.total & 0xFFFF == 0 { progress?.advance(0x10000) }
            }
            report.lengths.append((name, Percentiles(lengths.chars), Percentiles(lengths.tokens)))
        }
        progress?.finish()
        return report
    }

    private static func queryGroup(_ sql: String, _ database: Database) throws -> (columns: [String], rows: [[SQLValue]])? {
        let rows = try database.query(sql)
        guard let first = rows.first else { return nil }
        return (first.columns, rows.map(\.values))
    }

    /// `SELECT method, count(*) AS duplicates, count(DISTINCT duplicate_of) AS clusters FROM active_duplicates
    /// GROUP BY method ORDER BY method`: the rows of the latest succeeded dedup run per method, read by run
    /// through the index (not the view's per-row subquery), clusters counted in a bitset of instruction ids.
    private static func duplicateGroup(_ database: Database) throws -> (columns: [String], rows: [[SQLValue]])? {
        let maxID = try database.scalar("SELECT max(id) FROM instructions").intValue ?? 0
        var methods: [(name: [UInt8], rows: Int, clusters: InstructionIDSet)] = []
        try database.scan("""
            WITH latest AS (
                SELECT json_extract(options, '$.method') AS method, max(id) AS run_id FROM runs
                WHERE command = 'dedup' AND status = 'succeeded' GROUP BY 1)
            SELECT d.method, d.duplicate_of FROM latest JOIN duplicates d ON d.run_id = latest.run_id AND d.method = latest.method
            """
        ) { row in
            let slot = row.withText(0) { name in
                methods.firstIndex { $0.name.elementsEqual(name) } ?? {
                    methods.append((Array(name), 0, InstructionIDSet(maxID: maxID)))
                    return methods.count - 1
                }()
            } ?? 0
            methods[slot].rows += 1
            methods[slot].clusters.insert(row.int64(1))
        }
        guard !methods.isEmpty else { return nil }
        let rows = methods.sorted { $0.name.lexicographicallyPrecedes($1.name) }.map { method -> [SQLValue] in
            [.text(String(decoding: method.name, as: UTF8.self)), .integer(Int64(method.rows)), .integer(Int64(method.clusters.count))]
        }
        return (["method", "duplicates", "clusters"], rows)
    }

    /// `SELECT filter, count(*) AS checked, sum(passed) AS passed, round(100.0 * sum(passed) / count(*), 1)
    /// AS pass_pct FROM latest_verdicts GROUP BY filter ORDER BY filter`, counted by `LatestVerdictTally`;
    /// the percentage is still rounded by SQLite so it prints exactly as before.
    private static func verdictGroup(_ database: Database, progress: StepProgress?) throws -> (columns: [String], rows: [[SQLValue]])? {
        let tally = try LatestVerdictTally.count(in: database) { progress?.advance($0) }
        let filters = tally.filters
        guard !filters.isEmpty else { return nil }
        var rows: [[SQLValue]] = []
        for filter in filters {
            let counts = tally.byFilter[filter]!
            let percent = try database.scalar(
                "SELECT round(100.0 * ? / ?, 1)", [.integer(Int64(counts.passed)), .integer(Int64(counts.checked))])
            rows.append([.text(filter), .integer(Int64(counts.checked)), .integer(Int64(counts.passed)), percent])
        }
        return (["filter", "checked", "passed", "pass_pct"], rows)
    }

    var text: String {
        var out = "\(instructions) instructions, \(completions) completions\n"
        for group in groups {
            out += "\n\(group.title):\n"
            out += ResultPrinter.table(columns: group.columns, rows: group.rows.map { $0.map(ResultPrinter.cell) })
        }
        out += "\nlengths (characters / estimated tokens):\n"
        var rows: [[String]] = []
        for entry in lengths {
            for (label, p) in [("\(entry.name) chars", entry.chars), ("\(entry.name) tokens", entry.tokens)] {
                rows.append([label, String(p.count), String(p.p50), String(p.p90), String(p.p99), String(p.max)])
            }
        }
        out += ResultPrinter.table(columns: ["length", "n", "p50", "p90", "p99", "max"], rows: rows)
        return out
    }

    var jsonObject: [String: Any] {
        var object: [String: Any] = ["instructions": instructions, "completions": completions]
        for group in groups {
            object[group.title.components(separatedBy: " (").first!.replacingOccurrences(of: " ", with: "_")] =
                group.rows.map { values in
                    Dictionary(uniqueKeysWithValues: zip(group.columns, values.map(Self.jsonValue)))
                }
        }
        object["lengths"] = Dictionary(uniqueKeysWithValues: lengths.map {
            ($0.name, ["chars": $0.chars.dictionary, "tokens": $0.tokens.dictionary])
        })
        return object
    }

    static func jsonValue(_ value: SQLValue) -> Any {
        switch value {
        case .null: return NSNull()
        case .integer(let i): return i
        case .real(let d): return d
        case .text(let s): return s
        case .blob(let b): return b.count
        }
    }
}
