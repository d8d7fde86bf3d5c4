import Foundation
import Store

/// `dsbench show ID`: one instruction with everything known about it — where it came from, what it became,
/// its answers, the verdicts and scores on it, its duplicate links, and the runs that made them.
public struct ShowCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Show one instruction with its lineage, completions, verdicts, scores and duplicates.",
        arguments: [ArgumentSpec("id", help: "The instruction id (instructions.id).")],
        options: [.flag("--json", help: "Print one JSON object instead of text.")],
        examples: ["dsbench show 42", "dsbench show 42 --json"])

    let id: Int64
    let json: Bool

    public init(arguments: ParsedArguments) throws(UsageError) {
        guard let id = Int64(arguments.positionals[0]), id > 0 else {
            throw UsageError("<id> must be a positive integer, got '\(arguments.positionals[0])'")
        }
        self.id = id
        json = arguments.flag("json")
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        guard let instruction = try InstructionStore(database).row(id: id) else {
            throw CommandError.failed("no instruction with id \(id)")
        }
        let ancestors = try database.query(
            """
            SELECT l.distance, i.id, i.origin, i.strategy, i.depth, i.instruction FROM lineage l
            JOIN instructions i ON i.id = l.ancestor_id WHERE l.instruction_id = ? AND l.distance > 0
            ORDER BY l.distance DESC
            """, [.integer(id)])
        let descendants = try database.query(
            """
            WITH RECURSIVE below (id, distance) AS (
                SELECT id, 1 FROM instructions WHERE parent_id = ?1
                UNION ALL SELECT i.id, below.distance + 1 FROM instructions i JOIN below ON i.parent_id = below.id
            )
            SELECT below.distance, i.id, i.parent_id, i.origin, i.strategy, i.depth, i.instruction,
                (SELECT group_concat(v.filter, ',') FROM latest_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0)
                    AS failed_filters
            FROM below JOIN instructions i ON i.id = below.id ORDER BY i.depth, i.id
            """, [.integer(id)])
        let completions = try database.query(
            "SELECT id, origin, model, finish_reason, sample_index, run_id, output FROM completions WHERE instruction_id = ? ORDER BY sample_index, id",
            [.integer(id)])
        let verdicts = try database.query(
            "SELECT id, completion_id, filter, passed, reason, detail, run_id FROM verdicts WHERE instruction_id = ? ORDER BY id",
            [.integer(id)])
        let scores = try database.query(
            "SELECT id, completion_id, scorer, value, rationale, run_id FROM scores WHERE instruction_id = ? ORDER BY id",
            [.integer(id)])
        let duplicates = try database.query(
            """
            SELECT id, instruction_id, duplicate_of, method, similarity, run_id FROM duplicates
            WHERE instruction_id = ?1 OR duplicate_of = ?1 ORDER BY id
            """, [.integer(id)])
        // The passage a document question was drawn from, with its file and line range.
        let passage = try instruction.optionalInt64("chunk_id").map { chunkID in
            try DocumentStore(database).chunk(id: chunkID)
        } ?? nil
        let runs = try database.query(
            """
            SELECT id, command, status, started_at, model, template FROM runs WHERE id IN (
                SELECT run_id FROM instructions WHERE id = ?1 UNION SELECT run_id FROM completions WHERE instruction_id = ?1
                UNION SELECT run_id FROM verdicts WHERE instruction_id = ?1 UNION SELECT run_id FROM scores WHERE instruction_id = ?1
                UNION SELECT run_id FROM duplicates WHERE instruction_id = ?1 OR duplicate_of = ?1
            ) ORDER BY id
            """, [.integer(id)])

        if json {
            let sections: [(String, [Row])] = [
                ("ancestors", ancestors), ("descendants", descendants), ("completions", completions),
                ("verdicts", verdicts), ("scores", scores), ("duplicates", duplicates), ("runs", runs),
            ]
            var out = "{\"instruction\": " + ResultPrinter.jsonObject(instruction.columns, instruction.values)
            if let passage { out += ",\n \"passage\": " + ResultPrinter.jsonObject(passage.columns, passage.values) }
            for (name, rows) in sections {
                out += ",\n \"\(name)\": [" + rows.map { ResultPrinter.jsonObject($0.columns, $0.values) }.joined(separator: ", ") + "]"
            }
            context.print(out + "}")
            return
        }

        var out = "instruction \(id) — \(instruction.string("origin"))"
        if let strategy = instruction.optionalString("strategy") { out += ", strategy \(strategy)" }
        out += ", depth \(instruction.int("depth")), language \(instruction.string("language")), run \(instruction.int("run_id"))\n"
        if let source = instruction.optionalString("source") { out += "source: \(source)\n" }
        if let system = instruction.optionalString("system") { out += "system: \(system)\n" }
        out += "\n\(instruction.string("instruction"))\n"
        if !instruction.string("input").isEmpty { out += "\ninput:\n\(instruction.string("input"))\n" }
        if let passage {
            let headings = (try? JSONSerialization.jsonObject(with: Data(passage.string("heading_path").utf8))) as? [String] ?? []
            out += "\npassage: chunk #\(passage.int("chunk_id")) of \(passage.string("path"))"
            if let record = passage.optionalInt("record_line") { out += " (record \(record))" }
            out += ", lines \(passage.int("line_start"))–\(passage.int("line_end"))"
            if !headings.isEmpty { out += ", under \(headings.joined(separator: " > "))" }
            out += "\n" + passage.string("text").split(separator: "\n", omittingEmptySubsequences: false).map { "  │ " + $0 }.joined(separator: "\n") + "\n"
        }

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
        out += section("duplicates", duplicates) { row in
            String(format: "#%d duplicate of #%d by %@ (similarity %.3f, run %d)", row.int("instruction_id"),
                   row.int("duplicate_of"), row.string("method"), row.double("similarity"), row.int("run_id"))
        }
        out += section("runs", runs) { row in
            "run \(row.int("id")) \(row.string("command")) \(row.string("status")) \(row.string("started_at"))"
                + (row.optionalString("model").map { " model \($0)" } ?? "")
                + (row.optionalString("template").map { " template \($0)" } ?? "")
        }
        context.stdout.write(out)
    }

    private func label(_ row: Row) -> String {
        guard let strategy = row.optionalString("strategy") else { return "" }
        return " \(strategy) d\(row.int("depth"))"
    }

    private func section(_ title: String, _ rows: [Row], _ line: (Row) -> String) -> String {
        guard !rows.isEmpty else { return "" }
        return "\n\(title):\n" + rows.map { line($0) + "\n" }.joined()
    }
}
