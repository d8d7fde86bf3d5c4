import Curation
import Foundation
import LLM
import Store
import Synthesis

/// `generate --from documents`: for every selected chunk without questions of this style yet, asks the model
/// for `--per-chunk` grounded questions (and answers), stores each as an `instructions` row (origin
/// `document`, `chunk_id` set) with its completion, and judges them: `doc-self-contained`, `doc-duplicate`
/// (within the document) and, for answers, `doc-grounded`. A chunk's rows are written in the transaction of
/// its call, so a rerun after Ctrl-C skips finished chunks and sends none of their requests again.
struct DocumentQARun {
    static let purpose = "doc-qa"
    static let judgePurpose = "doc-judge"
    static let duplicateFilter = "doc-duplicate"

    let settings: DocumentQASettings
    let llm: LLMOptions
    let arguments: ParsedArguments

    struct Chunk {
        var id: Int64
        var documentID: Int64
        var text: String
        var headingPath: [String]
        var title: String?
        var path: String
        var lineStart: Int
        var lineEnd: Int
        var language: PromptLanguage
    }

    /// One stored answer awaiting the model judge.
    struct JudgeTarget {
        var instructionID: Int64
        var completionID: Int64
        var question: String
        var answer: String
        var chunk: Chunk
    }

    func run(context: CommandContext, database: Database) throws {
        let chunks = try selectChunks(database)
        var summary = RunSummary(command: "generate")
        summary.add("from", "documents")
        summary.add("chunks", chunks.count)
        guard !chunks.isEmpty else {
            let any = try database.scalar("SELECT count(*) FROM chunks").intValue ?? 0
            let phrase = any == 0
                ? "no document chunks in \(context.databasePath); import some first, e.g. 'dsbench import docs/ --as documents'"
                : "every selected chunk already has \(settings.style.rawValue) questions; nothing to do"
            if any == 0 { throw CommandError.failed(phrase) }
            context.print(llm.json ? summary.json() : summary.text(phrase))
            return
        }
        let endpoint = try llm.endpoint(environment: context.environment)
        let prices = try PriceSettings.load(database)
        let requests = chunks.map { request(for: $0, endpoint) }
        if llm.dryRun {
            let estimate = DryRunEstimate(requests: requests, prices: prices)
            let judgeCalls = settings.style == .qa && settings.grounding == .judge ? chunks.count * settings.perChunk : 0
            summary.add("dry_run", true)
            summary.add("calls", estimate.calls + judgeCalls)
            summary.add("calls_per_chunk", 1 + (judgeCalls > 0 ? settings.perChunk : 0))
            summary.add("prompt_tokens", estimate.promptTokens)
            summary.add("completion_tokens_max", estimate.completionTokens)
            summary.add("cost_usd", estimate.cost.map { $0 as Any } ?? NSNull())
            let cost = estimate.cost.map { "≤ " + RunSummary.money($0) } ?? "unknown cost (no price for \(endpoint.model))"
            context.print(llm.json ? summary.json() : summary.text(
                "dry run: \(chunks.count) chunks, \(estimate.calls + judgeCalls) calls (\(1 + (judgeCalls > 0 ? settings.perChunk : 0)) per chunk), ~\(estimate.promptTokens) prompt tokens, ≤ \(estimate.completionTokens) completion tokens, \(cost)"))
            return
        }
        let progress = LLMProgress(label: "generate", total: chunks.count, sink: context.stderr,
                                   enabled: context.stderrIsTerminal && !llm.json)
        try RunRecorder.record(
            database, arguments: arguments, model: endpoint.model, endpointHost: endpoint.host,
            template: DocumentQAPrompt.templateID.description
        ) { recorder in
            let ledger = LLMCallLedger(database: database, recorder: recorder, endpoint: endpoint, options: llm, prices: prices, progress: progress)
            let batch = SourceCallBatch(ledger: ledger, concurrency: llm.concurrency, interrupt: context.interrupt)
            var gates: [Int64: DuplicateQuestionGate<RougeIndex>] = [:]
            var counts: [String: Int] = [:]
            var judgeTargets: [JudgeTarget] = []
            let grounding = GroundingCheck(threshold: settings.groundingThreshold)

            try batch.run(requests.map { ($0, Self.purpose) }) { index, outcome, callID in
                let chunk = chunks[index]
                guard let response = outcome.response else {
                    counts["failed_calls", default: 0] += 1
                    return
                }
                let pairs = Array(DocumentQAParser.pairs(in: response.content).prefix(settings.perChunk))
                if pairs.isEmpty {
                    counts["unparseable_replies", default: 0] += 1
                    recorder.count("unparseable_replies")
                    return
                }
                if gates[chunk.documentID] == nil {
                    let earlier = try database.query(
                        "SELECT i.instruction FROM instructions i JOIN chunks c ON c.id = i.chunk_id WHERE c.document_id = ? AND i.origin = 'document' ORDER BY i.id",
                        [.integer(chunk.documentID)]).map { $0.string("instruction") }
                    gates[chunk.documentID] = DuplicateQuestionGate(filter: Self.duplicateFilter, index: RougeIndex(earlier))
                }
                for (position, pair) in pairs.enumerated() {
                    var row = InstructionStore.NewInstruction(instruction: pair.question, origin: .document, runID: recorder.runID)
                    row.language = LanguageDetector.detect(pair.question).rawValue
                    row.chunkID = chunk.id
                    row.llmCallID = callID
                    row.source = "\(chunk.path):\(chunk.lineStart)-\(chunk.lineEnd)"
                    row.extra = Self.json(["style": settings.style.rawValue, "question_index": position])
                    let instructionID = try InstructionStore(database).insert(row)
                    recorder.totals.rowsWritten += 1
                    counts["questions", default: 0] += 1
                    let verdicts = VerdictStore(database)
                    let dependence = SelfContainedCheck.dependence(of: pair.question)
                    try verdicts.insert(.init(
                        instructionID: instructionID, completionID: nil, filter: SelfContainedCheck.filter, passed: dependence == nil,
                        reason: dependence.map { "leans on the passage ('\($0)')" }, detail: nil, runID: recorder.runID))
                    let duplicate = gates[chunk.documentID]!.check(pair.question)
                    try verdicts.insert(.init(
                        instructionID: instructionID, completionID: nil, filter: duplicate.filter, passed: duplicate.passed,
                        reason: duplicate.reason, detail: duplicate.detailJSON, runID: recorder.runID))
                    if dependence != nil { counts["not_self_contained", default: 0] += 1 }
                    if !duplicate.passed { counts["duplicates", default: 0] += 1 }
                    guard settings.style == .qa, let answer = pair.answer else { continue }
                    var completion = CompletionStore.NewCompletion(instructionID: instructionID, output: answer, origin: .model, runID: recorder.runID)
                    completion.model = response.model ?? endpoint.model
                    completion.finishReason = response.finishReason
                    completion.llmCallID = callID
                    let completionID = try CompletionStore(database).insert(completion)
                    recorder.totals.rowsWritten += 1
                    counts["answers", default: 0] += 1
                    if settings.grounding == .judge {
                        judgeTargets.append(JudgeTarget(instructionID: instructionID, completionID: completionID, question: pair.question, answer: answer, chunk: chunk))
                        continue
                    }
                    let support = grounding.support(answer: answer, passage: chunk.text)
                    try verdicts.insert(.init(
                        instructionID: instructionID, completionID: completionID, filter: GroundingCheck.filter,
                        passed: support >= grounding.threshold,
                        reason: support >= grounding.threshold ? nil : String(format: "ROUGE-L recall %.3f of the answer against the chunk < %.2f", support, grounding.threshold),
                        detail: Self.json(["method": "rouge-l-recall", "recall": (support * 10_000).rounded() / 10_000, "threshold": grounding.threshold]),
                        runID: recorder.runID))
                    if support < grounding.threshold { counts["ungrounded", default: 0] += 1 }
                }
                counts["chunks_done", default: 0] += 1
            }
            if !judgeTargets.isEmpty {
                try judge(judgeTargets, batch: batch, endpoint: endpoint, recorder: recorder, counts: &counts)
            }
            progress.finish()
            for (key, value) in counts.sorted(by: { $0.key < $1.key }) {
                summary.add(key, value)
            }
            let meter = ledger.gate.snapshot
            summary.addCallTotals(meter: meter, progress: progress, runID: recorder.runID, stopReason: batch.stopReason)
            var line = "\(counts["chunks_done"] ?? 0)/\(chunks.count) chunks, \(counts["questions"] ?? 0) questions"
            if settings.style == .qa { line += ", \(counts["answers"] ?? 0) answers (\(counts["ungrounded"] ?? 0) not grounded)" }
            line += ", \(counts["not_self_contained"] ?? 0) not self-contained, \(counts["duplicates"] ?? 0) duplicates"
            if let unparseable = counts["unparseable_replies"] { line += ", \(unparseable) unusable replies" }
            line += "; \(meter.calls) calls (\(meter.failures) failed, \(progress.cached) cached), \(meter.usage.totalTokens) tokens, \(RunSummary.money(meter.spent))"
            if batch.stopReason == .budget { line += "; stopped: --max-cost reached" }
            context.print(llm.json ? summary.json() : summary.text(line))
            if batch.stopReason == .interrupted { throw CommandError.interrupted }
        }
    }

    private func judge(
        _ targets: [JudgeTarget], batch: SourceCallBatch, endpoint: EndpointConfiguration, recorder: RunRecorder,
        counts: inout [String: Int]
    ) throws {
        let requests = targets.map { target in
            LLMRequest.chat(
                model: endpoint.model,
                messages: GroundingJudgePrompt.messages(question: target.question, answer: target.answer, passage: target.chunk.text, language: target.chunk.language),
                parameters: SamplingParameters(temperature: 0, maxTokens: 64))
        }
        try batch.run(requests.map { ($0, Self.judgePurpose) }) { index, outcome, callID in
            let target = targets[index]
            guard let response = outcome.response else { return }
            let supported = GroundingJudgePrompt.verdict(in: response.content)
            try VerdictStore(batch.database).insert(.init(
                instructionID: target.instructionID, completionID: target.completionID, filter: GroundingCheck.filter,
                passed: supported ?? true,
                reason: supported == nil ? "judge reply unreadable; kept" : supported! ? nil : "the judge found claims the chunk does not support",
                detail: Self.json(["method": "judge", "llm_call_id": callID.map { $0 as Any } ?? NSNull(), "reply": String(response.content.prefix(200))]),
                runID: recorder.runID))
            if supported == false { counts["ungrounded", default: 0] += 1 }
        }
    }

    /// Chunks matching `--where` that have no questions of this style yet, in id order.
    private func selectChunks(_ database: Database) throws -> [Chunk] {
        let condition = settings.whereClause.map { "(\($0))" } ?? "1"
        let sql = """
            SELECT * FROM document_chunks d
            WHERE \(condition) AND NOT EXISTS (
                SELECT 1 FROM instructions i WHERE i.chunk_id = d.chunk_id AND i.origin = 'document'
                    AND json_extract(i.extra, '$.style') = ?)
            ORDER BY d.chunk_id
            """
        if settings.whereClause != nil { try database.validateWhereQuery(sql) }
        return try database.query(sql, [.text(settings.style.rawValue)]).map { row in
            let headings = (try? JSONSerialization.jsonObject(with: Data(row.string("heading_path").utf8))) as? [String] ?? []
            let language = settings.language ?? (row.string("language") == "zh" ? .chinese : .english)
            return Chunk(
                id: row.int64("chunk_id"), documentID: row.int64("document_id"), text: row.string("text"), headingPath: headings,
                title: row.optionalString("title"), path: row.string("path"), lineStart: row.int("line_start"),
                lineEnd: row.int("line_end"), language: language)
        }
    }

    private func request(for chunk: Chunk, _ endpoint: EndpointConfiguration) -> LLMRequest {
        let prompt = DocumentQAPrompt(language: chunk.language, style: settings.style, perChunk: settings.perChunk)
        var parameters = llm.parameters(defaults: SamplingParameters(temperature: 0.7, maxTokens: 2048))
        parameters.seed = (llm.seed ?? 0) &+ Int(chunk.id)
        return .chat(model: endpoint.model, messages: prompt.messages(passage: chunk.text, headingPath: chunk.headingPath, title: chunk.title), parameters: parameters)
    }

    static func json(_ object: [String: Any]) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
