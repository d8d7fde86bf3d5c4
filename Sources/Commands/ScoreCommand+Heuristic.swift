import Curation
import Foundation
import Store

extension ScoreCommand {
    /// `--scorer heuristic`: no model; the selected examples are scored a chunk of instructions at a time, each
    /// chunk on all cores and committed with the run's progress, so memory stays bounded and a rerun after
    /// Ctrl-C continues where the interrupted run stopped.
    func runHeuristic(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        try condition?.validate(in: database)
        var sql = "SELECT instruction_id, completion_id, instruction, input, output FROM examples"
        sql += " WHERE instruction_id BETWEEN ? AND ?"
        if let condition { sql += " AND \(condition.sql)" }
        sql += " ORDER BY instruction_id, completion_id"
        struct Item: Sendable { var instructionID: Int64; var completionID: Int64?; var instruction: String; var input: String; var output: String? }
        let started = Date()
        let heuristic = HeuristicScorer()
        var scored = 0, low = 0, sum = 0.0
        let runID = try RunRecorder.record(database, arguments: arguments) { run in
            let walk = ChunkedRun(database: database, run: run, context: context)
            let cursor = try walk.startingCursor(judgingAnswers: true)
            let progress = StepProgress(
                label: "score", unit: "instructions", total: try walk.remaining(after: cursor), sink: context.stderr,
                enabled: context.stderrIsTerminal && !json)
            let store = ScoreStore(database)
            let runID = run.runID
            try walk.walk(from: cursor, progress: progress, load: { range in
                var items: [Item] = []
                try database.forEachRow(sql, [.integer(range.lowerBound), .integer(range.upperBound)]) { row in
                    items.append(Item(instructionID: row.int64("instruction_id"), completionID: row.optionalInt64("completion_id"),
                                      instruction: row.string("instruction"), input: row.string("input"),
                                      output: row.optionalString("output")))
                }
                return items
            }, evaluate: { [scorer] items in
                // Only the rows to write come back: the texts are freed here, on the background thread.
                items.concurrentMap(chunk: 256) { item in
                    let score = heuristic.score(instruction: item.instruction, input: item.input, output: item.output)
                    var detail = score.detail
                    for (name, value) in score.components { detail[name] = .double(value) }
                    return ScoreStore.NewScore(
                        instructionID: item.instructionID, completionID: item.completionID, scorer: scorer,
                        value: score.value, rationale: score.rationale, detail: DetailValue.json(detail), runID: runID)
                }
            }) { range, rows in
                try store.insert(rows)
                for row in rows {
                    sum += row.value
                    if row.value < 5 { low += 1 }
                }
                scored += rows.count
                run.totals.rowsWritten += rows.count
                run.count("scored", rows.count)
                return Int(range.count)
            }
            return run.runID
        }
        let seconds = Date().timeIntervalSince(started)
        let mean = scored == 0 ? 0 : sum / Double(scored)
        let summary = HeuristicScoreSummary(scorer: scorer, scored: scored, mean: mean, below5: low, seconds: seconds, runID: runID)
        context.print(json ? JSONOutput.line(summary) : summary.text)
    }
}
