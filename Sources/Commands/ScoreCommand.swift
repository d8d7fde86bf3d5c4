import Curation
import Foundation
import Store

/// `dsbench score`: writes a 0–10 quality score per example. The heuristic scorer needs no model; the LLM
/// scorers (judge, complexity) arrive with the LLM engine.
public struct ScoreCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "score",
        abstract: "Score examples on 0–10 (heuristic now; LLM judge and complexity with the LLM engine).",
        discussion: "heuristic = 0.3·length + 0.4·completeness + 0.3·lexical diversity, each on 0–10: answers of "
            + "20–800 units (Latin words + CJK characters) get full length marks; completeness is 0 for a refusal or "
            + "AI disclaimer, 2 for a truncated answer, 8 for a long answer without a closing punctuation mark; "
            + "diversity is the moving type/token ratio over 50-unit windows. Instructions without a completion "
            + "are scored on their own text. --where selects rows of the examples view.",
        options: [
            .option("--scorer", value: "name", help: "heuristic, judge or complexity.", default: "heuristic",
                    allowed: ["heuristic", "judge", "complexity"]),
            .option("--where", value: "sql", help: "Only examples matching this condition on the examples view."),
            .flag("--json", help: "Print the summary as JSON."),
        ],
        examples: [
            "dsbench score",
            "dsbench score --where \"origin = 'evolved' and depth = 2\"",
            "dsbench sql \"select instruction, best_score from examples order by best_score limit 20\"",
        ])

    let scorer: String
    let whereClause: String?
    let json: Bool
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        self.arguments = arguments
        scorer = arguments.string("scorer") ?? "heuristic"
        whereClause = arguments.string("where")
        json = arguments.flag("json")
        if scorer != "heuristic" {
            throw UsageError("--scorer \(scorer) needs the LLM engine, which is not part of this build yet; use --scorer heuristic")
        }
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        var sql = "SELECT instruction_id, completion_id, instruction, input, output FROM examples"
        if let whereClause { sql += " WHERE (\(whereClause))" }
        sql += " ORDER BY instruction_id, completion_id"
        do {
            let statement = try database.makeStatement(sql)
            guard statement.isReadOnly else { throw CommandError.failed("--where must only read") }
        } catch let error as CommandError { throw error } catch { throw CommandError.failed("--where: \(error)") }
        struct Item { var instructionID: Int64; var completionID: Int64?; var instruction: String; var input: String; var output: String? }
        var items: [Item] = []
        try database.forEachRow(sql) { row in
            items.append(Item(instructionID: row.optionalInt64("instruction_id") ?? 0, completionID: row.optionalInt64("completion_id"),
                              instruction: row.string("instruction"), input: row.string("input"),
                              output: row.optionalString("output")))
        }
        let started = Date()
        let heuristic = HeuristicScorer()
        let scores = items.map { heuristic.score(instruction: $0.instruction, input: $0.input, output: $0.output) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try RunRecorder.record(database, arguments: arguments) { run in
            try database.transaction {
                let store = ScoreStore(database)
                for (index, item) in items.enumerated() {
                    let score = scores[index]
                    var detail = score.detail
                    for (name, value) in score.components { detail[name] = .double(value) }
                    let json = (try? encoder.encode(detail)).map { String(decoding: $0, as: UTF8.self) }
                    try store.insert(.init(
                        instructionID: item.instructionID, completionID: item.completionID, scorer: scorer,
                        value: score.value, rationale: score.rationale, detail: json, runID: run.runID))
                    if index % 4096 == 0 { try context.interrupt.check() }
                }
            }
            run.totals.rowsWritten = items.count
            run.count("scored", items.count)
        }
        let seconds = Date().timeIntervalSince(started)
        let mean = scores.isEmpty ? 0 : scores.map(\.value).reduce(0, +) / Double(scores.count)
        let low = scores.filter { $0.value < 5 }.count
        if json {
            let object: [String: Any] = ["scorer": scorer, "scored": scores.count, "mean": (mean * 100).rounded() / 100,
                                         "below_5": low, "seconds": (seconds * 1000).rounded() / 1000]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            context.print(String(decoding: data, as: UTF8.self))
        } else {
            context.print("\(scorer): scored \(scores.count) examples, mean \(String(format: "%.2f", mean)), "
                          + "\(low) below 5, in \(String(format: "%.2f", seconds)) s")
        }
    }
}
