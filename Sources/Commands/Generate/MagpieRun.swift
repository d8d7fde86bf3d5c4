import Curation
import Foundation
import LLM
import Store
import Synthesis

/// `generate --method magpie`: draws user queries out of an aligned model by sending only its chat template
/// up to the start of a user turn to a raw completion endpoint (Xu et al. 2024, Magpie), filters each query,
/// answers it (the template continued after the assistant header, or chat completions), and for `--turns K`
/// repeats with the conversation so far rendered in the template. Each settled sample is one `instructions`
/// row (origin `magpie`, the whole conversation in `conversation`) with its final answer as completion and
/// its filter results as verdicts, written in the transaction of the call that settled it. Sample k always
/// sends the same requests (seed derived from k and the turn), so a rerun continues from the ledger. `--count`
/// and the sample numbers are per template: each template is its own source of conversations.
struct MagpieRun {
    static let queryPurpose = "magpie-query"
    static let answerPurpose = "magpie-answer"
    /// Share of samples assumed to pass the filters when planning a batch.
    static let assumedYield = 0.7

    let settings: MagpieSettings
    let llm: LLMOptions
    let arguments: ParsedArguments

    /// One conversation being drawn.
    struct Sample {
        var index: Int
        var history: [(user: String, assistant: String)] = []
        var query: String?
        var queryCallIDs: [Int64?] = []
        var answerCallID: Int64?
        var answerFinish: String?
        var done = false
    }

    func run(context: CommandContext, database: Database) throws {
        if let refusal = MagpieSettings.hostedRefusal(baseURL: llm.baseURL, environment: context.environment) {
            throw CommandError.failed(refusal)
        }
        let endpoint = try llm.endpoint(environment: context.environment, database: database)
        let template = try settings.template(model: endpoint.model)
        let wire = settings.wire(for: endpoint, probe: !llm.dryRun)
        let system = settings.systemPrompt(for: template)
        let factory = MagpieRequestFactory(
            template: template, system: system, model: endpoint.model, wire: wire,
            carriesBOS: settings.promptCarriesBOS(wire: wire), answerMode: settings.answerMode, llm: llm,
            queryMaxTokens: settings.queryMaxTokens)
        let prefix = MagpieRowWriter.sourcePrefix(template)
        let existing = try database.query(
            """
            SELECT i.id, i.instruction, CAST(substr(i.source, ?1) AS INTEGER) AS sample,
                EXISTS (SELECT 1 FROM latest_recorded_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0) AS failed
            FROM instructions i WHERE i.origin = 'magpie' AND substr(i.source, 1, ?2) = ?3 ORDER BY i.id
            """,
            [.integer(Int64(prefix.count + 1)), .integer(Int64(prefix.count)), .text(prefix)])
        var settled = Set(existing.compactMap { $0.optionalInt("sample") })
        let acceptedQueries = existing.filter { !$0.bool("failed") }.map { $0.string("instruction") }
        let acceptedAtStart = acceptedQueries.count
        var report = MagpieReport(
            template: template.name, rawEndpoint: wire.rawValue, acceptedTotal: acceptedQueries.count, target: settings.count)
        let runTemplate = "magpie:\(template.name)@1"
        func plannedSamples(_ remaining: Int) -> Int { Int((Double(remaining) / Self.assumedYield).rounded(.up)) }
        if llm.dryRun {
            let samples = plannedSamples(max(0, settings.count - acceptedAtStart))
            report.plannedSamples = samples
            // Every turn sends a query and an answer; later turns' prompts are longer than the first's.
            let calls = (0..<samples).flatMap { k in
                (0..<settings.turns).flatMap { _ in
                    [ModelCall(factory.query(Sample(index: k)), purpose: Self.queryPurpose),
                     ModelCall(factory.answer(Sample(index: k, query: "…")), purpose: Self.answerPurpose)]
                }
            }
            try ModelCallRunner.printDryRun(
                calls, report: report, database: database, arguments: arguments, options: llm, endpoint: endpoint, context: context)
            return
        }
        try ModelCallRunner.record(
            database, arguments: arguments, settings: settings, options: llm, sampling: factory.sampling, endpoint: endpoint,
            template: runTemplate, context: context,
            plannedCalls: plannedSamples(max(0, settings.count - acceptedAtStart)) * 2 * settings.turns
        ) { runner in
            let writer = MagpieRowWriter(
                database: database, recorder: runner.recorder, template: template, system: system, turns: settings.turns,
                model: endpoint.model,
                filter: MagpieQueryFilter(expectedLanguage: settings.language.map { $0 == .chinese ? Language.zh : Language.en }),
                gate: DuplicateQuestionGate(filter: MagpieQueryFilter.duplicate, index: RougeIndex(acceptedQueries)),
                capacity: max(0, settings.count - acceptedAtStart))
            var nextIndex = 0
            var barren = 0
            while acceptedAtStart + writer.tally.accepted < settings.count, runner.stopped == .completed {
                let size = min(max(llm.concurrency * 2, 4), plannedSamples(settings.count - acceptedAtStart - writer.tally.accepted))
                var samples: [Sample] = []
                while samples.count < size {
                    if !settled.contains(nextIndex) { samples.append(Sample(index: nextIndex)) }
                    nextIndex += 1
                }
                let acceptedBefore = writer.tally.accepted
                // Once the target is reached the batch's unsent calls are not made (their samples stay unsettled),
                // and what is still in flight is recorded in llm_calls but not stored as accepted rows.
                let reached = StopSignal()
                for turn in 0..<settings.turns where runner.stopped == .completed && !reached.isStopped {
                    let active = samples.indices.filter { !samples[$0].done }
                    if active.isEmpty { break }
                    try runner.run(active.map { ModelCall(factory.query(samples[$0]), purpose: Self.queryPurpose) }, stop: reached) { result in
                        try writer.takeQuery(&samples[active[result.index]], turn: turn, outcome: result.outcome, callID: result.callID)
                        if writer.targetReached { reached.stop() }
                    }
                    // No answer is asked for a query that arrived after the target was reached.
                    if reached.isStopped { break }
                    let answering = samples.indices.filter { !samples[$0].done && samples[$0].query != nil }
                    try runner.run(answering.map { ModelCall(factory.answer(samples[$0]), purpose: Self.answerPurpose) }, stop: reached) { result in
                        try writer.takeAnswer(&samples[answering[result.index]], turn: turn, outcome: result.outcome, callID: result.callID)
                        if writer.targetReached { reached.stop() }
                    }
                }
                for sample in samples where writer.settledIndexes.contains(sample.index) { settled.insert(sample.index) }
                if writer.tally.accepted == acceptedBefore, runner.stopped == .completed {
                    barren += 1
                    if barren >= GenerateSettings.roundsWithoutProgressLimit {
                        runner.halt(.noProgress, message: "no Magpie conversation accepted in \(GenerateSettings.roundsWithoutProgressLimit) batches in a row; last error: \(runner.lastFailure ?? "every query was rejected by the filters \(writer.tally.rejected)")")
                    }
                } else {
                    barren = 0
                }
            }
            let tally = writer.tally
            report.accepted = tally.accepted
            report.acceptedTotal = acceptedAtStart + tally.accepted
            report.rejected = tally.rejected
            report.duplicateRate = tally.checked > 0 ? (Double(tally.duplicates) / Double(tally.checked) * 10_000).rounded() / 10_000 : 0
            report.failedSamples = tally.failedSamples
            report.beyondTarget = tally.beyondTarget
            return report
        }
    }
}
