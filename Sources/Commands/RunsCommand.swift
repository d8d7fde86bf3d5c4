import Foundation
import Store

/// `dsbench runs`: the provenance log — every command that wrote, with its status and totals.
public struct RunsCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "runs",
        abstract: "List the provenance log: every command that wrote, with status and totals.",
        options: [
            .option("--limit", value: "n", help: "Show the most recent N runs.", default: "50"),
            .option("--command", value: "name", help: "Only runs of this command (e.g. import, evolve)."),
            .flag("--json", help: "Print JSON instead of a table."),
        ],
        examples: ["dsbench runs", "dsbench runs --command evolve --json"])

    let limit: Int
    let command: String?
    let json: Bool

    public init(arguments: ParsedArguments) throws(UsageError) {
        limit = try arguments.int("limit", minimum: 1) ?? 50
        command = arguments.string("command")
        json = arguments.flag("json")
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        let rows = try database.query(
            """
            SELECT id, command, status, started_at, finished_at,
                round((julianday(coalesce(finished_at, started_at)) - julianday(started_at)) * 86400, 2) AS seconds,
                rows_written, llm_calls, prompt_tokens, completion_tokens, round(cost_usd, 4) AS cost_usd,
                model, endpoint_host, template, options, totals, error
            FROM runs WHERE ?1 IS NULL OR command = ?1 ORDER BY id DESC LIMIT ?2
            """,
            [SQLValue(command), .integer(Int64(limit))])
        if json {
            let columns = rows.first?.columns ?? []
            context.stdout.write(ResultPrinter.render(columns: columns, rows: rows.map(\.values), format: .json))
            return
        }
        if rows.isEmpty {
            context.print("No runs yet.")
            return
        }
        let table = rows.map { row -> [String] in
            [row.string("id"), row.string("command"), row.string("status"), row.string("started_at"),
             String(format: "%.2fs", row.double("seconds")), row.string("rows_written"), row.string("llm_calls"),
             String(row.int("prompt_tokens") + row.int("completion_tokens")), String(format: "$%.4f", row.double("cost_usd")),
             row.optionalString("model") ?? "", row.optionalString("error") ?? ""]
        }
        context.stdout.write(ResultPrinter.table(
            columns: ["run", "command", "status", "started", "time", "rows", "calls", "tokens", "cost", "model", "error"],
            rows: table))
    }
}
