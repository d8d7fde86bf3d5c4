import Foundation
import LLM
import Store
import Synthesis

/// `dsbench complete`: ask a model for outputs — answers to instructions (`--mode answer`), or Self-Instruct
/// instances for generated tasks (`--mode instances`: classification check, then input- or output-first examples).
public struct CompleteCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "complete",
        abstract: "Get model outputs: answers to instructions, or input/output instances for tasks.",
        discussion: """
            answer: every selected instruction without an output (not failed, not a duplicate) gets --n answers \
            (sample_index 0…n-1). instances: each selected task row without an output is classified (classification \
            or not), then given up to --max-instances examples; the first fills the task row, the others become \
            rows with task_id pointing at it. Tasks whose examples conflict get a failing 'gen-instances' verdict. \
            --where filters the 'examples' view with SQL. Finished calls are answered from llm_calls on reruns.
            """,
        options: [
            .option("--mode", value: "mode", help: "What to ask for.", default: "answer", allowed: ["answer", "instances"]),
            .option("--where", value: "sql", help: "SQL condition on the 'examples' view, e.g. \"origin = 'generated'\"."),
            .option("--n", value: "k", help: "Answers per instruction (answer mode).", default: "1"),
            .option("--max-instances", value: "n", help: "Examples per task (instances mode).", default: "5"),
            .option("--limit", value: "n", help: "Process at most N instructions."),
        ] + LLMOptions.specs,
        examples: [
            "dsbench complete --base-url http://localhost:8000/v1 --model Qwen/Qwen2.5-7B-Instruct",
            "dsbench complete --mode instances --where \"origin = 'generated'\" --max-instances 3",
            "dsbench complete --n 3 --temperature 0.9 --where \"language = 'zh'\" --dry-run",
        ])

    static let answerPurpose = "complete-answer"
    static let classifyPurpose = "self-instruct-classify"
    static let instancesPurpose = "self-instruct-instances"

    let instancesMode: Bool
    let whereClause: String?
    let samples: Int
    let maxInstances: Int
    let limit: Int?
    let llm: LLMOptions
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        instancesMode = arguments.string("mode") == "instances"
        whereClause = arguments.string("where")
        samples = try arguments.int("n", minimum: 1) ?? 1
        maxInstances = try arguments.int("max-instances", minimum: 1) ?? 5
        limit = try arguments.int("limit", minimum: 1)
        llm = try LLMOptions(arguments: arguments)
        if instancesMode && arguments.string("n") != nil {
            throw UsageError("--n applies to --mode answer; instances mode makes one call per task")
        }
        if let whereClause, whereClause.contains(";") {
            throw UsageError("--where takes one SQL condition, without ';'")
        }
        self.arguments = arguments
    }

    /// A selected instruction row.
    struct Target {
        var id: Int64
        var instruction: String
        var input: String
        var system: String?
        var origin: String
        var language: String
        var isClassification: Bool?
        var missingSamples: [Int]
        /// The document chunk a question was drawn from (`generate --from documents`): answered from it.
        var passage: String?
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase()
        let endpoint = try llm.endpoint(environment: context.environment)
        let prices = try PriceSettings.load(database)
        let targets = try selectTargets(database)
        var summary = RunSummary(command: "complete")
        let planned = instancesMode
            ? targets.filter { $0.isClassification == nil }.count + targets.count
            : targets.reduce(0) { $0 + $1.missingSamples.count }

        if llm.dryRun {
            var requests: [LLMRequest] = []
            for target in targets {
                if instancesMode {
                    if target.isClassification == nil { requests.append(classifyRequest(target, endpoint)) }
                    requests.append(instancesRequest(target, isClassification: target.isClassification ?? false, endpoint))
                } else {
                    requests += target.missingSamples.map { answerRequest(target, sample: $0, endpoint) }
                }
            }
            let estimate = DryRunEstimate(requests: requests, prices: prices)
            summary.add("dry_run", true)
            summary.add("instructions", targets.count)
            summary.add("calls", estimate.calls)
            summary.add("prompt_tokens", estimate.promptTokens)
            summary.add("completion_tokens_max", estimate.completionTokens)
            summary.add("cost_usd", estimate.cost.map { $0 as Any } ?? NSNull())
            let cost = estimate.cost.map { "≤ " + RunSummary.money($0) } ?? "unknown cost (no price for \(endpoint.model))"
            context.print(llm.json ? summary.json() : summary.text(
                "dry run: \(targets.count) instructions, \(estimate.calls) calls, ~\(estimate.promptTokens) prompt tokens, ≤ \(estimate.completionTokens) completion tokens, \(cost)"))
            return
        }

        let templates = instancesMode ? "self-instruct-instances@1" : "complete-answer@1,\(GroundedAnswerPrompt.templateID)"
        let progress = LLMProgress(label: "complete", total: planned, sink: context.stderr, enabled: context.stderrIsTerminal && !llm.json)
        try RunRecorder.record(database, arguments: arguments, model: endpoint.model, endpointHost: endpoint.host, template: templates) { recorder in
            let ledger = LLMCallLedger(
                database: database, recorder: recorder, endpoint: endpoint, options: llm, prices: prices, progress: progress)
            if ledger.budgetUnenforceable(model: endpoint.model) {
                context.printError("warning: --max-cost cannot be enforced: no price for model '\(endpoint.model)'")
            }
            var written = 0
            var stopReason: BlockingCallRunner.StopReason?
            if instancesMode {
                var classified = targets
                stopReason = try runCalls(
                    targets.indices.filter { targets[$0].isClassification == nil }, ledger: ledger, context: context,
                    request: { classifyRequest(targets[$0], endpoint) }, purpose: Self.classifyPurpose
                ) { index, outcome, callID in
                    guard let response = outcome.response else { return }
                    let answer = ClassificationPrompt.parseAnswer(response.content)
                    if answer == nil { recorder.count("classification_unparsed") }
                    classified[index].isClassification = answer ?? false
                    try database.execute(
                        "UPDATE instructions SET is_classification = ? WHERE id = ? OR task_id = ?",
                        [.integer(answer == true ? 1 : 0), .integer(targets[index].id), .integer(targets[index].id)])
                }
                if stopReason == nil {
                    let ready = classified.indices.filter { classified[$0].isClassification != nil }
                    stopReason = try runCalls(
                        ready, ledger: ledger, context: context,
                        request: { instancesRequest(classified[$0], isClassification: classified[$0].isClassification!, endpoint) },
                        purpose: Self.instancesPurpose
                    ) { index, outcome, callID in
                        guard let response = outcome.response else { return }
                        written += try storeInstances(
                            classified[index], response: response, callID: callID, model: endpoint.model,
                            database: database, recorder: recorder)
                    }
                }
            } else {
                var jobs: [(target: Int, sample: Int)] = []
                for (index, target) in targets.enumerated() {
                    for sample in target.missingSamples { jobs.append((index, sample)) }
                }
                stopReason = try runCalls(
                    jobs.indices.map { $0 }, ledger: ledger, context: context,
                    request: { answerRequest(targets[jobs[$0].target], sample: jobs[$0].sample, endpoint) },
                    purpose: Self.answerPurpose
                ) { job, outcome, callID in
                    guard let response = outcome.response else { return }
                    var row = CompletionStore.NewCompletion(
                        instructionID: targets[jobs[job].target].id, output: response.content, origin: .model, runID: recorder.runID)
                    row.model = response.model ?? endpoint.model
                    row.finishReason = response.finishReason
                    row.sampleIndex = jobs[job].sample
                    row.llmCallID = callID
                    try CompletionStore(database).insert(row)
                    written += 1
                }
            }
            progress.finish()
            recorder.totals.rowsWritten += written
            let meter = ledger.gate.snapshot
            summary.add("mode", instancesMode ? "instances" : "answer")
            summary.add("instructions", targets.count)
            summary.add("rows_written", written)
            summary.addCallTotals(meter: meter, progress: progress, runID: recorder.runID, stopReason: stopReason)
            var line = "\(written) rows written for \(targets.count) instructions; \(meter.calls) calls (\(meter.failures) failed, \(progress.cached) cached), "
            line += "\(meter.usage.totalTokens) tokens, \(RunSummary.money(meter.spent)), \(String(format: "%.1f", progress.elapsed)) s"
            if stopReason == .budget { line += "; stopped: --max-cost reached" }
            context.print(llm.json ? summary.json() : summary.text(line))
            if stopReason == .interrupted { throw CommandError.interrupted }
        }
    }

    /// Sends one call per job (cache first), handling each outcome in its own transaction with the call row.
    private func runCalls(
        _ jobs: [Int], ledger: LLMCallLedger, context: CommandContext, request: (Int) -> LLMRequest, purpose: String,
        handle: (Int, LLMCallOutcome, Int64?) throws -> Void
    ) throws -> BlockingCallRunner.StopReason? {
        let calls = jobs.map { ledger.prepare(request($0), purpose: purpose) }
        var pending: [Int] = []
        for (position, call) in calls.enumerated() {
            if let (outcome, id) = try ledger.cachedOutcome(call) {
                try ledger.database.transaction {
                    let callID = try ledger.record(call, outcome, cachedID: id)
                    try handle(jobs[position], outcome, callID)
                }
            } else {
                pending.append(position)
            }
        }
        if context.interrupt.isRequested { return .interrupted }
        let result = try ledger.runner(concurrency: llm.concurrency, interrupt: context.interrupt).run(pending.map { calls[$0] }) { position, outcome in
            let original = pending[position]
            try ledger.database.transaction {
                let callID = try ledger.record(calls[original], outcome)
                try handle(jobs[original], outcome, callID)
            }
        }
        return result.reason
    }

    private func selectTargets(_ database: Database) throws -> [Target] {
        let condition = whereClause.map { "(\($0))" } ?? "1"
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        let sql: String
        if instancesMode {
            sql = """
                SELECT i.id, i.instruction, i.input, i.system, i.origin, i.language, i.is_classification FROM instructions i
                WHERE i.task_id IS NULL AND i.conversation IS NULL
                  AND NOT EXISTS (SELECT 1 FROM completions c WHERE c.instruction_id = i.id)
                  AND i.id IN (SELECT instruction_id FROM examples WHERE verdict <> 'fail' AND NOT is_duplicate AND \(condition))
                ORDER BY i.id\(limitClause)
                """
        } else {
            sql = """
                SELECT i.id, i.instruction, i.input, i.system, i.origin, i.language, i.is_classification,
                    (SELECT group_concat(c.sample_index) FROM completions c WHERE c.instruction_id = i.id) AS present,
                    (SELECT k.text FROM chunks k WHERE k.id = i.chunk_id) AS passage
                FROM instructions i
                WHERE i.conversation IS NULL
                  AND i.id IN (SELECT instruction_id FROM examples WHERE verdict <> 'fail' AND NOT is_duplicate AND \(condition))
                  AND (SELECT count(*) FROM completions c WHERE c.instruction_id = i.id AND c.sample_index < ?) < ?
                ORDER BY i.id\(limitClause)
                """
        }
        let rows: [Row]
        do {
            rows = try database.query(sql, instancesMode ? [] : [.integer(Int64(samples)), .integer(Int64(samples))])
        } catch let error as DatabaseError {
            throw CommandError.failed("--where is not a valid condition on the 'examples' view: \(error)")
        }
        var targets: [Target] = []
        for row in rows {
            var missing = Array(0..<(instancesMode ? 1 : samples))
            if let present = row.optionalString("present") {
                // The sample indexes already answered, read with the row instead of one query per instruction.
                let answered = Set(present.split(separator: ",").compactMap { Int($0) })
                missing.removeAll { answered.contains($0) }
            }
            targets.append(Target(
                id: row.int64("id"), instruction: row.string("instruction"), input: row.string("input"),
                system: row.optionalString("system"), origin: row.string("origin"), language: row.string("language"),
                isClassification: row.optionalBool("is_classification"), missingSamples: missing,
                passage: row.optionalString("passage")))
        }
        return targets
    }

    private func language(of target: Target) -> PromptLanguage {
        target.language == "zh" ? .chinese : target.language == "en" ? .english : PromptLanguage.detect(target.instruction)
    }

    private func answerRequest(_ target: Target, sample: Int, _ endpoint: EndpointConfiguration) -> LLMRequest {
        var messages: [ChatMessage] = []
        let input = target.input.trimmingCharacters(in: .whitespacesAndNewlines)
        let question = input.isEmpty ? target.instruction : target.instruction + "\n\n" + input
        if let passage = target.passage {
            messages = GroundedAnswerPrompt.messages(question: question, passage: passage, system: target.system, language: language(of: target))
        } else {
            if let system = target.system, !system.isEmpty { messages.append(.system(system)) }
            messages.append(.user(question))
        }
        var parameters = llm.parameters(defaults: SamplingParameters())
        if samples > 1 || llm.seed != nil { parameters.seed = (llm.seed ?? 0) &+ sample }
        return .chat(model: endpoint.model, messages: messages, parameters: parameters)
    }

    private func classifyRequest(_ target: Target, _ endpoint: EndpointConfiguration) -> LLMRequest {
        var parameters = llm.parameters(defaults: SamplingParameters(temperature: 0, maxTokens: 8))
        parameters.seed = llm.seed
        return .chat(model: endpoint.model, messages: ClassificationPrompt(language: language(of: target)).messages(instruction: target.instruction), parameters: parameters)
    }

    private func instancesRequest(_ target: Target, isClassification: Bool, _ endpoint: EndpointConfiguration) -> LLMRequest {
        var parameters = llm.parameters(defaults: SamplingParameters(temperature: 0.7, maxTokens: 1024))
        parameters.seed = llm.seed
        let prompt = InstancePrompt(language: language(of: target), outputFirst: isClassification, maxInstances: maxInstances)
        return .chat(model: endpoint.model, messages: prompt.messages(instruction: target.instruction), parameters: parameters)
    }

    /// First instance fills the task row; the others become rows with `task_id` = the task. Returns rows written.
    private func storeInstances(
        _ target: Target, response: LLMResponse, callID: Int64?, model: String, database: Database, recorder: RunRecorder
    ) throws -> Int {
        let parsed = InstanceParser.instances(in: response.content, outputFirst: target.isClassification == true, finishReason: response.finishReason)
        let checked = InstanceFilter.check(parsed, maxInstances: maxInstances)
        recorder.count("instances_dropped", checked.dropped.count)
        guard checked.taskRejection == nil, let first = checked.kept.first else {
            let reason = checked.taskRejection ?? (parsed.isEmpty ? "no instances could be parsed" : "every instance was dropped")
            try VerdictStore(database).insert(.init(
                instructionID: target.id, completionID: nil, filter: "gen-instances", passed: false, reason: reason,
                detail: nil, runID: recorder.runID))
            recorder.count("tasks_rejected")
            return 0
        }
        var written = 0
        try database.execute("UPDATE instructions SET input = ? WHERE id = ?", [.text(first.input), .integer(target.id)])
        for (position, instance) in checked.kept.enumerated() {
            var instructionID = target.id
            if position > 0 {
                var row = InstructionStore.NewInstruction(
                    instruction: target.instruction, origin: InstructionStore.Origin(rawValue: target.origin) ?? .generated,
                    runID: recorder.runID)
                row.input = instance.input
                row.taskID = target.id
                row.language = target.language
                row.isClassification = target.isClassification
                row.llmCallID = callID
                row.source = "self-instruct:instances-of-\(target.id)"
                instructionID = try InstructionStore(database).insert(row)
                written += 1
            }
            var completion = CompletionStore.NewCompletion(
                instructionID: instructionID, output: instance.output, origin: .model, runID: recorder.runID)
            completion.model = response.model ?? model
            completion.finishReason = response.finishReason
            completion.llmCallID = callID
            try CompletionStore(database).insert(completion)
            written += 1
        }
        return written
    }
}
