import Curation
import Foundation
import Store

extension ScoreCommand {
    /// `--scorer heuristic`: every selected example scored in one transaction, no model.
    func runHeuristic(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        try condition?.validate(in: database)
        var sql = "SELECT instruction_id, completion_id, instruction, input, output FROM examples"
        if let condition { sql += " WHERE \(condition.sql)" }
        sql += " ORDER BY instruction_id, completion_id"
        struct Item { var instructionID: Int64; var completionID: Int64?; var instruction: String; var input: String; var output: String? }
        var items: [Item] = []
        try database.forEachRow(sql) { row in
            items.append(Item(instructionID: row.int64("instruction_id"), completionID: row.optionalInt64("completion_id"),
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
        let summary = HeuristicScoreSummary(
            scorer: scorer, scored: scores.count, mean: mean, below5: scores.filter { $0.value < 5 }.count, seconds: seconds)
        context.print(json ? JSONOutput.line(summary) : summary.text)
    }
}
