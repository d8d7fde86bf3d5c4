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
/// sends the same requests (seed derived from k and the turn), so a rerun continues from the ledger.
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
        let endpoint = try llm.endpoint(environment: context.environment)
        let template = try settings.template(model: endpoint.model)
        let wire = settings.wire(for: endpoint)
        let system = settings.systemPrompt(for: template)
        let factory = MagpieRequestFactory(
            template: template, system: system, model: endpoint.model, wire: wire,
            carriesBOS: settings.promptCarriesBOS(wire: wire), answerMode: settings.answerMode, llm: llm,
            queryMaxTokens: settings.queryMaxTokens)
        let existing = try database.query(
            """
            SELECT i.id, i.instruction, json_extract(i.extra, '$.sample') AS sample,
                EXISTS (SELECT 1 FROM latest_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0) AS failed
            FROM instructions i WHERE i.origin = 'magpie' ORDER BY i.id
            """)
        var settled = Set(existing.compactMap { $0.optionalInt("sample") })
        let acceptedQueries = existing.filter { !$0.bool("failed") }.map { $0.string("instruction") }
        let acceptedAtStart = acceptedQueries.count
        var summary = RunSummary(command: "generate")
        summary.add("method", "magpie")
        summary.add("template", template.name)
        summary.add("raw_endpoint", wire.rawValue)
        if acceptedAtStart >= settings.count {
            summary.add("accepted_total", acceptedAtStart)
            context.print(llm.json ? summary.json() : summary.text("the database already holds \(acceptedAtStart) accepted Magpie conversations (target \(settings.count)); nothing to do"))
            return
        }
        func plannedSamples(_ remaining: Int) -> Int { Int((Double(remaining) / Self.assumedYield).rounded(.up)) }
        if llm.dryRun {
            let samples = plannedSamples(settings.count - acceptedAtStart)
            let requests = (0..<samples).flatMap { k in
                [factory.query(Sample(index: k)), factory.answer(Sample(index: k, query: "…"))]
            }
            let estimate = DryRunEstimate(requests: requests, prices: try PriceSettings.load(database))
            summary.add("dry_run", true)
            summary.add("calls", samples * 2 * settings.turns)
            summary.add("prompt_tokens", estimate.promptTokens * settings.turns)
            summary.add("completion_tokens_max", estimate.completionTokens * settings.turns)
            context.print(llm.json ? summary.json() : summary.text(
                "dry run: about \(samples) samples × \(settings.turns) turn(s) × 2 calls = \(samples * 2 * settings.turns) calls (assuming \(Int(Self.assumedYield * 100))% pass), template \(template.name), raw endpoint \(wire.rawValue)"))
            return
        }
        let prices = try PriceSettings.load(database)
        let progress = LLMProgress(label: "magpie", total: plannedSamples(settings.count - acceptedAtStart) * 2 * settings.turns,
                                   sink: context.stderr, enabled: context.stderrIsTerminal && !llm.json)
        try RunRecorder.record(
            database, arguments: arguments, model: endpoint.model, endpointHost: endpoint.host,
            template: "magpie:\(template.name)@1"
        ) { recorder in
            let ledger = LLMCallLedger(database: database, recorder: recorder, endpoint: endpoint, options: llm, prices: prices, progress: progress)
            let batch = SourceCallBatch(ledger: ledger, concurrency: llm.concurrency, interrupt: context.interrupt)
            let writer = MagpieRowWriter(
                database: database, recorder: recorder, template: template, system: system, turns: settings.turns,
                model: endpoint.model,
                filter: MagpieQueryFilter(expectedLanguage: settings.language.map { $0 == .chinese ? Language.zh : Language.en }),
                gate: DuplicateQuestionGate(filter: MagpieQueryFilter.duplicate, index: RougeIndex(acceptedQueries)))
            var nextIndex = 0
            var barren = 0
            while acceptedAtStart + writer.tally.accepted < settings.count, !batch.stopped {
                let size = min(max(llm.concurrency * 2, 4), plannedSamples(settings.count - acceptedAtStart - writer.tally.accepted))
                var samples: [Sample] = []
                while samples.count < size {
                    if !settled.contains(nextIndex) { samples.append(Sample(index: nextIndex)) }
                    nextIndex += 1
                }
                let acceptedBefore = writer.tally.accepted
                for turn in 0..<settings.turns where !batch.stopped {
                    let active = samples.indices.filter { !samples[$0].done }
                    if active.isEmpty { break }
                    try batch.run(active.map { (factory.query(samples[$0]), Self.queryPurpose) }) { position, outcome, callID in
                        let i = active[position]
                        try writer.takeQuery(&samples[i], turn: turn, outcome: outcome, callID: callID)
                    }
                    let answering = samples.indices.filter { !samples[$0].done && samples[$0].query != nil }
                    try batch.run(answering.map { (factory.answer(samples[$0]), Self.answerPurpose) }) { position, outcome, callID in
                        let i = answering[position]
                        try writer.takeAnswer(&samples[i], turn: turn, outcome: outcome, callID: callID)
                    }
                }
                for sample in samples where writer.settledIndexes.contains(sample.index) { settled.insert(sample.index) }
                if writer.tally.accepted == acceptedBefore {
                    barren += 1
                    if barren >= 5 { throw CommandError.failed("no Magpie conversation accepted in 5 batches in a row; rejected so far: \(writer.tally.rejected)") }
                } else {
                    barren = 0
                }
            }
            progress.finish()
            let tally = writer.tally
            let meter = ledger.gate.snapshot
            let duplicateRate = tally.checked > 0 ? Double(tally.duplicates) / Double(tally.checked) : 0
            summary.add("accepted", tally.accepted)
            summary.add("accepted_total", acceptedAtStart + tally.accepted)
            summary.add("target", settings.count)
            summary.add("rejected", tally.rejected)
            summary.add("duplicate_rate", (duplicateRate * 10_000).rounded() / 10_000)
            summary.add("failed_samples", tally.failedSamples)
            summary.addCallTotals(meter: meter, progress: progress, runID: recorder.runID, stopReason: batch.stopReason)
            let rejectedText = tally.rejected.isEmpty ? "0 rejected" :
                "\(tally.rejected.values.reduce(0, +)) rejected (" + tally.rejected.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
            var line = "\(tally.accepted) accepted (\(acceptedAtStart + tally.accepted)/\(settings.count)), \(rejectedText), duplicate rate \(String(format: "%.1f%%", duplicateRate * 100)); "
            line += "template \(template.name) via \(wire == .ollama ? "/api/generate (raw)" : "/v1/completions"); "
            line += "\(meter.calls) calls (\(meter.failures) failed, \(progress.cached) cached), \(meter.usage.totalTokens) tokens, \(RunSummary.money(meter.spent))"
            if batch.stopReason == .budget { line += "; stopped: --max-cost reached" }
            context.print(llm.json ? summary.json() : summary.text(line))
            if batch.stopReason == .interrupted { throw CommandError.interrupted }
        }
    }
}
