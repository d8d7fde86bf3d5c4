import Curation
import Foundation
import LLM
import Store

extension ScoreCommand {
    /// `--scorer judge|complexity`: select subjects, leave out those already scored by this scorer, model and
    /// template, then score the rest through the ledger (or only estimate them with `--dry-run`).
    func runModel(_ kind: ModelScorerKind, context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        try condition?.validate(in: database)
        let endpoint = try llm.endpoint(environment: context.environment, database: database)
        let subjects = try selectSubjects(kind, database: database)
        let done = try scoredSubjects(kind, model: endpoint.model, database: database)
        let todo = subjects.filter { !done.contains($0.key) }
        var report = ModelScoreReport(kind: kind, model: endpoint.model)
        report.selected = subjects.count
        report.alreadyScored = subjects.count - todo.count
        let scoring = ModelScoringRun(kind: kind, model: endpoint.model, options: llm, context: context)
        if llm.dryRun {
            report.dryRun = true
            try ModelCallRunner.printDryRun(
                scoring.calls(todo).map(\.call), report: report, database: database, arguments: arguments, options: llm,
                endpoint: endpoint, context: context, json: json)
            return
        }
        try ModelCallRunner.record(
            database, arguments: arguments, settings: ScoreSettings(scorer: kind.rawValue, condition: condition), options: llm,
            sampling: kind.sampling(llm), endpoint: endpoint, template: kind.template, context: context, plannedCalls: todo.count, json: json
        ) { runner in
            runner.recorder.count("selected", subjects.count)
            runner.recorder.count("already_scored", report.alreadyScored)
            try scoring.score(todo, runner: runner, report: &report)
            return report
        }
    }

    /// The subjects `--where` selects from the `examples` view for this scorer (columns read checked: a view
    /// that lost one fails here instead of scoring empty texts).
    private func selectSubjects(_ kind: ModelScorerKind, database: Database) throws -> [ScoreSubject] {
        var subjects: [ScoreSubject] = []
        try database.forEachRow(kind.selectionSQL(condition: condition?.sql)) { row in
            subjects.append(try ScoreSubject(examplesRow: row))
        }
        return subjects
    }

    /// Subjects that already have a score from this scorer with this model and prompt template.
    private func scoredSubjects(_ kind: ModelScorerKind, model: String, database: Database) throws -> Set<ScoreSubject.SubjectKey> {
        var keys = Set<ScoreSubject.SubjectKey>()
        try database.forEachRow(
            """
            SELECT instruction_id, completion_id FROM scores
            WHERE scorer = ? AND json_extract(detail, '$.model') = ? AND json_extract(detail, '$.template') = ?
            """,
            [.text(kind.rawValue), .text(model), .text(kind.template)]
        ) { row in
            keys.insert(.init(instructionID: row.int64("instruction_id"), completionID: row.optionalInt64("completion_id")))
        }
        return keys
    }
}
