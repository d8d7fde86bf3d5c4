import Foundation
import Store

/// `dsbench sql`: ad-hoc SQL over the documented schema; read-only unless `--write`.
public struct SQLCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "sql",
        abstract: "Run SQL against the database (read-only unless --write).",
        discussion: "The schema and views (examples, seeds, lineage, latest_verdicts, verdict_history, active_duplicates) are "
            + "documented in README.md and schema.sql. Output is a table on a terminal and JSON otherwise.",
        arguments: [ArgumentSpec("query", help: "SQL to run; '-' reads it from stdin.")],
        options: [
            .flag("--write", help: "Allow statements that change the database (recorded as a run)."),
            .flag("--table", short: "-t", help: "Print an aligned table."),
            .flag("--json", help: "Print a JSON array of objects."),
            .flag("--nl", help: "Print one JSON object per line."),
            .flag("--csv", help: "Print CSV with a header row."),
        ],
        examples: [
            "dsbench sql \"select origin, count(*) from instructions group by origin\"",
            "dsbench sql --csv \"select instruction, output from examples where verdict = 'fail'\" > failed.csv",
            "echo \"delete from scores where scorer = 'heuristic'\" | dsbench sql --write -",
        ])

    let query: String
    let write: Bool
    let format: ResultFormat?
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        self.arguments = arguments
        query = arguments.positionals[0]
        write = arguments.flag("write")
        let chosen = ResultFormat.allCases.filter { arguments.flag($0.rawValue) }
        if chosen.count > 1 {
            throw UsageError("choose one output format: \(chosen.map { "--\($0.rawValue)" }.joined(separator: ", "))")
        }
        format = chosen.first
    }

    public func run(context: CommandContext) throws {
        let text = query == "-" ? String(decoding: FileHandle.standardInput.readDataToEndOfFile(), as: UTF8.self) : query
        guard text.contains(where: { !$0.isWhitespace && $0 != ";" }) else { throw UsageError("the query is empty") }
        let database = try context.openDatabase(create: write)
        let format = format ?? (context.stdoutIsTerminal ? .table : .json)
        guard write else {
            // Everything is prepared before anything runs, so a write anywhere in the script is refused up front.
            let statements = try database.statements(in: text)
            guard !statements.isEmpty else { throw UsageError("the query is empty") }
            if let writer = statements.first(where: { !$0.isReadOnly }) {
                throw UsageError("'\(writer.sql)' changes the database; add --write to allow it")
            }
            for statement in statements { try output(statement, format: format, context: context) }
            return
        }
        // The script itself is the option that matters (read from stdin with '-'), so it is what the run records.
        try RunRecorder.record(database, arguments: arguments, options: SQLRunOptions(write: true, script: text)) { run in
            try database.transaction {
                let before = database.totalChanges
                // One statement at a time: a script may create a table and then fill it.
                try database.forEachStatement(in: text) { try output($0, format: format, context: context) }
                run.totals.rowsWritten = database.totalChanges - before
            }
        }
    }

    private func output(_ statement: Statement, format: ResultFormat, context: CommandContext) throws {
        try statement.bind([])
        var rows: [[SQLValue]] = []
        while try statement.step() { rows.append(statement.currentRow().values) }
        let columns = statement.columnNames
        if columns.isEmpty { return }
        context.stdout.write(ResultPrinter.render(columns: columns, rows: rows, format: format))
    }
}
