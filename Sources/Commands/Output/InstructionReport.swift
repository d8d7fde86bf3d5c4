import Foundation
import Store

/// Everything known about one instruction, as `dsbench show` prints it: the row, its ancestors and
/// descendants (with depth and round), the document passage a grounded question came from, answers, verdicts,
/// scores, pairwise judgements, preference pairs, duplicate links and the runs that made them.
/// All the queries live here; `text` and `json` render the same content.
struct InstructionReport {
    let id: Int64
    let instruction: Row
    let ancestors: [Row]
    let descendants: [Row]
    let completions: [Row]
    let verdicts: [Row]
    let scores: [Row]
    let judgements: [Row]
    let preferences: [Row]
    let duplicates: [Row]
    let runs: [Row]
    /// The `document_chunks` row of a question drawn from a document (file, line range, heading path, text).
    let passage: Row?

    /// Reads the report; fails when there is no instruction `id`.
    init(_ database: Database, id: Int64) throws {
        guard let instruction = try InstructionStore(database).row(id: id) else {
            throw CommandError.failed("no instruction with id \(id)")
        }
        self.id = id
        self.instruction = instruction
        ancestors = try database.query(
            """
            SELECT l.distance, i.id, i.origin, i.strategy, i.depth, i.round, i.instruction FROM lineage l
            JOIN instructions i ON i.id = l.ancestor_id WHERE l.instruction_id = ? AND l.distance > 0
            ORDER BY l.distance DESC
            """, [.integer(id)])
        descendants = try database.query(
            """
            WITH RECURSIVE below (id, distance) AS (
                SELECT id, 1 FROM instructions WHERE parent_id = ?1
                UNION ALL SELECT i.id, below.distance + 1 FROM instructions i JOIN below ON i.parent_id = below.id
            )
            SELECT below.distance, i.id, i.parent_id, i.origin, i.strategy, i.depth, i.round, i.instruction,
                (SELECT group_concat(v.filter, ',') FROM latest_recorded_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0)
                    AS failed_filters
            FROM below JOIN instructions i ON i.id = below.id ORDER BY i.depth, i.id
            """, [.integer(id)])
        completions = try database.query(
            "SELECT id, origin, model, finish_reason, sample_index, run_id, output FROM completions WHERE instruction_id = ? ORDER BY sample_index, id",
            [.integer(id)])
        verdicts = try database.query(
            """
            SELECT id, completion_id, filter, passed, reason, detail, run_id FROM verdict_history WHERE instruction_id = ?
            ORDER BY run_id, id IS NOT NULL, id, completion_id, filter
            """,
            [.integer(id)])
        scores = try database.query(
            "SELECT id, completion_id, scorer, value, rationale, run_id FROM scores WHERE instruction_id = ? ORDER BY id",
            [.integer(id)])
        judgements = try database.query(
            """
            SELECT id, first_id, second_id, winner, preferred_id, swap_check, rationale, judge, run_id
            FROM pairwise_judgements WHERE instruction_id = ? ORDER BY id
            """, [.integer(id)])
        preferences = try database.query(
            """
            SELECT id, chosen_id, rejected_id, chosen_score, rejected_score, margin, scorer, rejected_policy, judgement_id,
                run_id, run_id = (SELECT max(run_id) FROM latest_preferences) AS latest
            FROM preferences WHERE instruction_id = ? ORDER BY id
            """, [.integer(id)])
        duplicates = try database.query(
            """
            SELECT id, instruction_id, duplicate_of, method, similarity, run_id FROM duplicates
            WHERE instruction_id = ?1 OR duplicate_of = ?1 ORDER BY id
            """, [.integer(id)])
        passage = try instruction.optionalInt64("chunk_id").map { try DocumentStore(database).chunk(id: $0) } ?? nil
        runs = try database.query(
            """
            SELECT id, command, status, started_at, model, template FROM runs WHERE id IN (
                SELECT run_id FROM instructions WHERE id = ?1 UNION SELECT run_id FROM completions WHERE instruction_id = ?1
                UNION SELECT run_id FROM verdicts WHERE instruction_id = ?1
                UNION SELECT run_id FROM verdict_checks WHERE instruction_id = ?1 UNION SELECT run_id FROM scores WHERE instruction_id = ?1
                UNION SELECT run_id FROM duplicates WHERE instruction_id = ?1 OR duplicate_of = ?1
                UNION SELECT run_id FROM pairwise_judgements WHERE instruction_id = ?1
                UNION SELECT run_id FROM preferences WHERE instruction_id = ?1
            ) ORDER BY id
            """, [.integer(id)])
    }

    /// One JSON object: the instruction's columns and one array per section.
    var json: String {
        let sections: [(String, [Row])] = [
            ("ancestors", ancestors), ("descendants", descendants), ("completions", completions),
            ("verdicts", verdicts), ("scores", scores), ("pairwise_judgements", judgements), ("preferences", preferences),
            ("duplicates", duplicates), ("runs", runs),
        ]
        var out = "{\"instruction\": " + ResultPrinter.jsonObject(instruction.columns, instruction.values)
        if let passage { out += ",\n \"passage\": " + ResultPrinter.jsonObject(passage.columns, passage.values) }
        for (name, rows) in sections {
            out += ",\n \"\(name)\": [" + rows.map { ResultPrinter.jsonObject($0.columns, $0.values) }.joined(separator: ", ") + "]"
        }
        return out + "}"
    }

    /// The human-readable report: header, text, lineage tree, then each non-empty section.
    var text: String {
        var out = "instruction \(id) — \(instruction.string("origin"))"
        if let strategy = instruction.optionalString("strategy") { out += ", strategy \(strategy)" }
        out += ", depth \(instruction.int("depth")), language \(instruction.string("language")), run \(instruction.int("run_id"))\n"
        if let source = instruction.optionalString("source") { out += "source: \(source)\n" }
        if let system = instruction.optionalString("system") { out += "system: \(system)\n" }
        out += "\n\(instruction.string("instruction"))\n"
        if !instruction.string("input").isEmpty { out += "\ninput:\n\(instruction.string("input"))\n" }
        if let passage { out += passageText(passage) }

        out += "\nlineage:\n"
        var indent = ""
        for row in ancestors {
            out += "\(indent)#\(row.int("id")) [\(row.string("origin"))\(label(row))] \(ResultPrinter.clip(row.string("instruction"), to: 70))\n"
            indent += "  "
        }
        out += "\(indent)#\(id) [\(instruction.string("origin"))\(label(instruction))] ← this\n"
        for row in descendants {
            let pad = indent + String(repeating: "  ", count: row.int("distance"))
            let failed = row.optionalString("failed_filters").map { " ✗ \($0)" } ?? ""
            out += "\(pad)#\(row.int("id")) [\(row.string("origin"))\(label(row))]\(failed) \(ResultPrinter.clip(row.string("instruction"), to: 60))\n"
        }
        out += section("completions", completions) { row in
            "#\(row.int("id")) \(row.string("origin"))\(row.optionalString("model").map { " (\($0))" } ?? "") run \(row.int("run_id")):\n\(row.string("output"))"
        }
        out += section("verdicts", verdicts) { row in
            let subject = row.optionalInt("completion_id").map { "completion #\($0)" } ?? "instruction"
            return "\(row.bool("passed") ? "pass" : "FAIL") \(row.string("filter")) on \(subject): \(row.string("reason")) (run \(row.int("run_id")))"
        }
        out += section("scores", scores) { row in
            "\(row.string("scorer")) \(row.double("value")): \(row.string("rationale")) (run \(row.int("run_id")))"
        }
        out += section("pairwise judgements", judgements) { row in
            let verdict = row.string("winner") == "tie" ? "tie" : "#\(row.int("preferred_id")) better"
            return "#\(row.int("first_id")) (A) vs #\(row.int("second_id")) (B): \(verdict)"
                + (row.bool("swap_check") ? " [swap check]" : "") + " by \(row.string("judge"))"
                + (row.optionalString("rationale").map { ": \($0)" } ?? "") + " (run \(row.int("run_id")))"
        }
        out += section("preferences", preferences) { row in
            String(format: "chosen #%d (%.2f) over rejected #%d (%.2f), margin %.2f, %@ %@ (run %d)%@",
                   row.int("chosen_id"), row.double("chosen_score"), row.int("rejected_id"), row.double("rejected_score"),
                   row.double("margin"), row.string("scorer"), row.string("rejected_policy"), row.int("run_id"),
                   row.bool("latest") ? " ← latest" : "")
        }
        out += section("duplicates", duplicates) { row in
            String(format: "#%d duplicate of #%d by %@ (similarity %.3f, run %d)", row.int("instruction_id"),
                   row.int("duplicate_of"), row.string("method"), row.double("similarity"), row.int("run_id"))
        }
        out += section("runs", runs) { row in
            "run \(row.int("id")) \(row.string("command")) \(row.string("status")) \(row.string("started_at"))"
                + (row.optionalString("model").map { " model \($0)" } ?? "")
                + (row.optionalString("template").map { " template \($0)" } ?? "")
        }
        return out
    }

    /// `passage: chunk #7 of docs/en.md, lines 9–11, under Manual > Safety` and the passage, indented.
    private func passageText(_ passage: Row) -> String {
        let headings = (try? JSONSerialization.jsonObject(with: Data(passage.string("heading_path").utf8))) as? [String] ?? []
        var out = "\npassage: chunk #\(passage.int("chunk_id")) of \(passage.string("path"))"
        if let record = passage.optionalInt("record_line") { out += " (record \(record))" }
        out += ", lines \(passage.int("line_start"))–\(passage.int("line_end"))"
        if !headings.isEmpty { out += ", under \(headings.joined(separator: " > "))" }
        return out + "\n" + passage.string("text").split(separator: "\n", omittingEmptySubsequences: false).map { "  │ " + $0 }.joined(separator: "\n") + "\n"
    }

    private func label(_ row: Row) -> String {
        guard let strategy = row.optionalString("strategy") else { return "" }
        return " \(strategy) d\(row.int("depth"))" + (row.optionalInt("round").map { " r\($0)" } ?? "")
    }

    private func section(_ title: String, _ rows: [Row], _ line: (Row) -> String) -> String {
        guard !rows.isEmpty else { return "" }
        return "\n\(title):\n" + rows.map { line($0) + "\n" }.joined()
    }
}
