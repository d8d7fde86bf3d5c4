import Curation
import Foundation
import LLM
import Store

extension ScoreCommand {
    /// `--scorer judge|complexity`: select subjects, leave out those already scored by this scorer, model and
    /// template, then score the rest through the ledger (or only estimate them with `--dry-run`).
    func runModel(_ kind: ModelScorerKind, context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        let endpoint = try llm.endpoint(environment: context.environment)
        let sql = kind.selectionSQL(condition: whereClause.map { "(\($0))" })
        try database.validateWhereQuery(sql)
        var subjects: [ScoreSubject] = []
        try database.forEachRow(sql) { row in
            subjects.append(ScoreSubject(
                instructionID: row.int64("instruction_id"), completionID: row.optionalInt64("completion_id"),
                instruction: row.string("instruction"), input: row.string("input"), output: row.optionalString("output"),
                system: row.optionalString("system"), conversation: row.optionalString("conversation")))
        }
        let done = try scoredSubjects(kind, model: endpoint.model, database: database)
        let todo = subjects.filter { !done.contains($0.key) }
        var summary = ModelScoreSummary(kind: kind, model: endpoint.model)
        summary.selected = subjects.count
        summary.alreadyScored = subjects.count - todo.count
        let prices = try PriceSettings.load(database)

        if llm.dryRun {
            try printDryRun(kind, todo, summary: summary, endpoint: endpoint, prices: prices, database: database, context: context)
            return
        }
        let progress = LLMProgress(
            label: "score \(kind.rawValue)", total: todo.count, sink: context.stderr,
            enabled: context.stderrIsTerminal && !json)
        try RunRecorder.record(
            database, arguments: arguments, model: endpoint.model, endpointHost: endpoint.host, template: kind.template
        ) { recorder in
            let calls = LLMCallLedger(
                database: database, recorder: recorder, endpoint: endpoint, options: llm, prices: prices, progress: progress)
            if calls.budgetUnenforceable(model: endpoint.model) {
                context.printError("warning: --max-cost cannot be enforced: no price for model '\(endpoint.model)' (see dsbench config)")
            }
            recorder.count("selected", subjects.count)
            recorder.count("already_scored", summary.alreadyScored)
            let run = ModelScoringRun(kind: kind, model: endpoint.model, options: llm, calls: calls, context: context)
            try run.score(todo, summary: &summary)
            progress.finish()
            let meter = calls.gate.snapshot
            summary.calls = meter.calls
            summary.promptTokens = meter.usage.promptTokens
            summary.completionTokens = meter.usage.completionTokens
            summary.costUSD = meter.spent
            summary.seconds = progress.elapsed
            summary.runID = recorder.runID
            context.print(json ? summary.json : summary.text)
            if summary.stopped == "interrupted" { throw CommandError.interrupted }
        }
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

    /// `--dry-run`: the calls the run would make, those `llm_calls` would answer, tokens and cost; sends nothing
    /// and writes nothing.
    private func printDryRun(
        _ kind: ModelScorerKind, _ todo: [ScoreSubject], summary: ModelScoreSummary, endpoint: EndpointConfiguration,
        prices: PriceTable, database: Database, context: CommandContext
    ) throws {
        let client = llm.makeClient(endpoint)
        let cache = LLMCallCache(store: LLMCallStore(database))
        var uncached: [LLMRequest] = []
        var cached = 0
        for subject in todo {
            let (request, _) = kind.request(for: subject, model: endpoint.model, options: llm)
            if !llm.noCache, try cache.cachedResponse(forHash: client.hash(of: request)) != nil {
                cached += 1
            } else {
                uncached.append(request)
            }
        }
        let estimate = DryRunEstimate(requests: uncached, cachedCount: cached, prices: prices)
        if json {
            let object: [String: Any] = [
                "dry_run": true, "scorer": kind.rawValue, "model": endpoint.model, "template": kind.template,
                "selected": summary.selected, "already_scored": summary.alreadyScored, "to_score": todo.count,
                "calls": estimate.calls, "cache_hits": cached, "prompt_tokens": estimate.promptTokens,
                "completion_tokens_max": estimate.completionTokens, "cost_usd": estimate.cost.map { $0 as Any } ?? NSNull(),
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            context.print(String(decoding: data, as: UTF8.self))
            return
        }
        let cost = estimate.cost.map { String(format: "≤ $%.4f", $0) } ?? "unknown cost (no price for \(endpoint.model))"
        var line = "dry run: \(kind.rawValue): \(todo.count) \(kind.subjectNoun) to score"
        if summary.alreadyScored > 0 { line += " (\(summary.alreadyScored) already scored)" }
        line += ", \(estimate.calls) calls"
        if cached > 0 { line += " (\(cached) more answered from llm_calls)" }
        line += ", ~\(estimate.promptTokens) prompt tokens, ≤ \(estimate.completionTokens) completion tokens, \(cost)"
        context.print(line)
    }
}
