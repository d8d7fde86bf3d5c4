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

    /// `instructions.strategy` of a document question: `doc-qa` (asked with its answer) or `doc-instructions`
    /// (asked alone). Provenance lives in columns, not `extra`, which export gives back to the trainer.
    static func strategy(_ style: DocumentQAStyle) -> String { "doc-" + style.rawValue }

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
        let template = DocumentQAPrompt.templateID.description
        var report = DocumentQAReport(chunks: chunks.count, style: settings.style.rawValue, template: template)
        if chunks.isEmpty, try database.scalar("SELECT count(*) FROM chunks").intValue ?? 0 == 0 {
            throw CommandError.failed(
                "no document chunks in \(context.databasePath); import some first, e.g. 'dsbench import docs/ --as documents'")
        }
        let endpoint = try llm.endpoint(environment: context.environment, database: database)
        let calls = chunks.map { ModelCall(request(for: $0, endpoint), purpose: Self.purpose) }
        report.nothingToDo = chunks.isEmpty
        if llm.dryRun {
            // The judge adds --per-chunk calls per chunk; the estimate covers the generation calls.
            report.callsPerChunk = 1 + (settings.style == .qa && settings.grounding == .judge ? settings.perChunk : 0)
            try ModelCallRunner.printDryRun(
                calls, report: report, database: database, arguments: arguments, options: llm, endpoint: endpoint, context: context)
            return
        }
        try ModelCallRunner.record(
            database, arguments: arguments, settings: settings, options: llm, sampling: sampling, endpoint: endpoint,
            template: template, context: context, plannedCalls: calls.count
        ) { runner in
            var gates: [Int64: DuplicateQuestionGate<RougeIndex>] = [:]
            var judgeTargets: [JudgeTarget] = []
            let grounding = GroundingCheck(threshold: settings.groundingThreshold)
            let recorder = runner.recorder
            try runner.run(calls) { result in
                let chunk = chunks[result.index]
                guard let response = result.response else { return }
                let pairs = Array(DocumentQAParser.pairs(in: response.content).prefix(settings.perChunk))
                if pairs.isEmpty {
                    report.unusableReplies += 1
                    recorder.count("unusable_replies")
                    return
                }
                if gates[chunk.documentID] == nil {
                    let earlier = try database.query(
                        "SELECT i.instruction FROM instructions i JOIN chunks c ON c.id = i.chunk_id WHERE c.document_id = ? AND i.origin = 'document' ORDER BY i.id",
                        [.integer(chunk.documentID)]).map { $0.string("instruction") }
                    gates[chunk.documentID] = DuplicateQuestionGate(filter: Self.duplicateFilter, index: RougeIndex(earlier))
                }
                let verdicts = VerdictStore(database)
                for pair in pairs {
                    var row = InstructionStore.NewInstruction(instruction: pair.question, origin: .document, runID: recorder.runID)
                    row.language = LanguageDetector.detect(pair.question).rawValue
                    row.chunkID = chunk.id
                    row.llmCallID = result.callID
                    row.source = "\(chunk.path):\(chunk.lineStart)-\(chunk.lineEnd)"
                    row.strategy = Self.strategy(settings.style)
                    let instructionID = try InstructionStore(database).insert(row)
                    recorder.totals.rowsWritten += 1
                    report.questions += 1
                    let dependence = SelfContainedCheck.dependence(of: pair.question)
                    try verdicts.insert(.init(
                        instructionID: instructionID, completionID: nil, filter: SelfContainedCheck.filter, passed: dependence == nil,
                        reason: dependence.map { "leans on the passage ('\($0)')" }, detail: nil, runID: recorder.runID))
                    let duplicate = gates[chunk.documentID]!.check(pair.question)
                    try verdicts.insert(.init(
                        instructionID: instructionID, completionID: nil, filter: duplicate.filter, passed: duplicate.passed,
                        reason: duplicate.reason, detail: duplicate.detailJSON, runID: recorder.runID))
                    if dependence != nil { report.notSelfContained += 1 }
                    if !duplicate.passed { report.duplicates += 1 }
                    guard settings.style == .qa, let answer = pair.answer else { continue }
                    var completion = CompletionStore.NewCompletion(instructionID: instructionID, output: answer, origin: .model, runID: recorder.runID)
                    completion.model = response.model ?? endpoint.model
                    completion.finishReason = response.finishReason
                    completion.llmCallID = result.callID
                    let completionID = try CompletionStore(database).insert(completion)
                    recorder.totals.rowsWritten += 1
                    report.answers += 1
                    if settings.grounding == .judge {
                        judgeTargets.append(JudgeTarget(instructionID: instructionID, completionID: completionID, question: pair.question, answer: answer, chunk: chunk))
                        continue
                    }
                    let support = grounding.support(answer: answer, passage: chunk.text)
                    let passed = support >= grounding.threshold
                    try verdicts.insert(.init(
                        instructionID: instructionID, completionID: completionID, filter: GroundingCheck.filter, passed: passed,
                        reason: passed ? nil : String(format: "ROUGE-L recall %.3f of the answer against the chunk < %.2f", support, grounding.threshold),
                        detail: CompactJSON.text(["method": "rouge-l-recall", "recall": (support * 10_000).rounded() / 10_000, "threshold": grounding.threshold]),
                        runID: recorder.runID))
                    if !passed { report.ungrounded += 1 }
                }
                report.chunksDone += 1
            }
            if !judgeTargets.isEmpty {
                report.ungrounded += try judge(judgeTargets, runner: runner, endpoint: endpoint)
            }
            return report
        }
    }

    /// `--grounding judge`: one judge call per stored answer; returns how many the judge found unsupported.
    private func judge(_ targets: [JudgeTarget], runner: ModelCallRunner, endpoint: EndpointConfiguration) throws -> Int {
        let calls = targets.map { target in
            ModelCall(
                .chat(
                    model: endpoint.model,
                    messages: GroundingJudgePrompt.messages(question: target.question, answer: target.answer, passage: target.chunk.text, language: target.chunk.language),
                    parameters: Self.judgeParameters),
                purpose: Self.judgePurpose)
        }
        var unsupported = 0
        try runner.run(calls) { result in
            let target = targets[result.index]
            guard let response = result.response else { return }
            let supported = GroundingJudgePrompt.verdict(in: response.content)
            try VerdictStore(runner.database).insert(.init(
                instructionID: target.instructionID, completionID: target.completionID, filter: GroundingCheck.filter,
                passed: supported ?? true,
                reason: supported == nil ? "judge reply unreadable; kept" : supported! ? nil : "the judge found claims the chunk does not support",
                detail: CompactJSON.text(["method": "judge", "llm_call_id": result.callID.map { $0 as Any } ?? NSNull(), "reply": String(response.content.prefix(200))]),
                runID: runner.recorder.runID))
            if supported == false { unsupported += 1 }
        }
        return unsupported
    }

    /// Chunks matching `--where` that have no questions of this style yet, in id order.
    private func selectChunks(_ database: Database) throws -> [Chunk] {
        let condition = settings.condition?.sql ?? "1"
        try settings.condition?.validate(in: database, view: "document_chunks")
        let sql = """
            SELECT * FROM document_chunks d
            WHERE \(condition) AND NOT EXISTS (
                SELECT 1 FROM instructions i WHERE i.chunk_id = d.chunk_id AND i.origin = 'document'
                    AND i.strategy = ?)
            ORDER BY d.chunk_id
            """
        return try database.query(sql, [.text(Self.strategy(settings.style))]).map { row in
            let headings = (try? JSONSerialization.jsonObject(with: Data(row.string("heading_path").utf8))) as? [String] ?? []
            let language = settings.language ?? (row.string("language") == "zh" ? .chinese : .english)
            return Chunk(
                id: row.int64("chunk_id"), documentID: row.int64("document_id"), text: row.string("text"), headingPath: headings,
                title: row.optionalString("title"), path: row.string("path"), lineStart: row.int("line_start"),
                lineEnd: row.int("line_end"), language: language)
        }
    }

    /// The grounding judge's sampling: deterministic, a one-word verdict; no seed.
    static let judgeParameters = SamplingParameters(temperature: 0, maxTokens: 64)

    /// The question-writing call's sampling; its seed is `--seed` (0 without it) plus the chunk id.
    private var generationParameters: SamplingParameters {
        var parameters = llm.parameters(defaults: SamplingParameters(temperature: 0.7, maxTokens: 2048))
        parameters.seed = llm.seed ?? 0
        return parameters
    }

    /// What each call type sends, for `runs.options` (the judge only with `--grounding judge`).
    private var sampling: EffectiveSampling {
        let generation = EffectiveSampling().adding("generate", generationParameters, baseSeed: llm.seed ?? 0)
        return settings.grounding == .judge ? generation.adding("judge", Self.judgeParameters, baseSeed: nil) : generation
    }

    private func request(for chunk: Chunk, _ endpoint: EndpointConfiguration) -> LLMRequest {
        let prompt = DocumentQAPrompt(language: chunk.language, style: settings.style, perChunk: settings.perChunk)
        var parameters = generationParameters
        parameters.seed = parameters.seed.map { $0 &+ Int(chunk.id) }
        return .chat(model: endpoint.model, messages: prompt.messages(passage: chunk.text, headingPath: chunk.headingPath, title: chunk.title), parameters: parameters)
    }
}
