import Curation
import Foundation
import LLM
import Store
import Synthesis

/// `dsbench generate`: Self-Instruct — grow the instruction pool from seed tasks with a model, filtering
/// each candidate (length, blacklist, punctuation, "write a program", ROUGE-L ≥ 0.7 against the pool).
public struct GenerateCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "generate",
        abstract: "Generate new instructions from the seed pool with a model (Self-Instruct).",
        discussion: """
            Each prompt shows pool tasks (6 seeds + 2 accepted generated ones by default) and asks for new tasks \
            as a numbered list. Every candidate is stored: accepted ones join the pool, rejected ones keep a \
            failing verdict (gen-length, gen-blacklist, gen-punctuation, gen-program, gen-rouge). --count is the \
            number of accepted generated instructions the database should hold, so rerunning an interrupted \
            command continues where it stopped; finished calls are never repeated. The seeds' language picks the \
            English or Chinese template unless --lang is given.
            """,
        options: [
            .option("--count", value: "n", help: "Target number of accepted generated instructions in the database."),
            .option("--seed-examples", value: "n", help: "Seed tasks shown per prompt.", default: "6"),
            .option("--machine-examples", value: "n", help: "Accepted generated tasks shown per prompt.", default: "2"),
            .option("--batch", value: "n", help: "Prompts per round (built from the pool as it stands).", default: "8"),
            .option("--tasks-per-prompt", value: "n", help: "New tasks asked for in each prompt.", default: "8"),
            .option("--lang", value: "lang", help: "Template language (default: the seeds' or chunk's language; Magpie: the language asked for).", allowed: ["en", "zh"]),
            .option("--from", value: "source", help: "Where instructions come from: seeds (Self-Instruct) or documents (grounded Q&A from imported chunks).", default: "seeds", allowed: ["seeds", "documents"]),
            .option("--method", value: "method", help: "self-instruct, or magpie (queries drawn from a model's bare chat template).", default: "self-instruct", allowed: ["self-instruct", "magpie"]),
            .option("--per-chunk", value: "n", help: "Documents: questions asked per chunk.", default: "3"),
            .option("--style", value: "style", help: "Documents: qa (questions with answers) or instructions (questions only, answered by complete).", default: "qa", allowed: ["qa", "instructions"]),
            .option("--where", value: "SQL", help: "Documents: condition on the document_chunks view, e.g. \"path LIKE 'manual/%'\"."),
            .option("--grounding", value: "check", help: "Documents: doc-grounded by ROUGE-L recall of the answer against the chunk, or a model judge.", default: "rouge", allowed: ["rouge", "judge"]),
            .option("--grounding-threshold", value: "r", help: "Documents: least ROUGE-L recall for doc-grounded.", default: "0.5"),
            .option("--template", value: "name", help: "Magpie: chat template (default: from the model name): " + ChatTemplate.all.map(\.name).joined(separator: ", ") + "."),
            .option("--system", value: "text", help: "Magpie: system prompt written into the template prefix."),
            .option("--turns", value: "k", help: "Magpie: user/assistant turns per conversation (4 or fewer recommended).", default: "1"),
            .option("--raw-endpoint", value: "kind", help: "Magpie: openai (/v1/completions) or ollama (/api/generate raw); auto picks ollama on port 11434.", default: "auto", allowed: ["auto", "openai", "ollama"]),
            .option("--bos", value: "who", help: "Magpie: template (prompt carries BOS, add_special_tokens false) or server (server adds it); auto: template for openai, server for ollama.", default: "auto", allowed: ["auto", "template", "server"]),
            .option("--answer-with", value: "mode", help: "Magpie: raw (template continued after the assistant header) or chat (chat completions).", default: "raw", allowed: ["raw", "chat"]),
            .option("--query-max-tokens", value: "n", help: "Magpie: max tokens of a query (a query cut off is rejected).", default: "256"),
        ] + LLMOptions.specs,
        examples: [
            "dsbench generate --count 200 --base-url http://localhost:11434/v1 --model qwen2.5:7b",
            "dsbench generate --count 1000 --lang zh --max-cost 2 --dry-run",
            "dsbench generate --from documents --per-chunk 3 --style qa --where \"language = 'zh'\"",
            "dsbench generate --method magpie --count 500 --base-url http://localhost:8000/v1 --model Qwen/Qwen2.5-7B-Instruct --turns 2",
        ])

    static let purpose = "self-instruct-generate"
    /// Share of asked-for tasks assumed to pass the filters when planning calls (dry run, progress total).
    static let assumedYield = 0.5

    let count: Int
    let seedExamples: Int
    let machineExamples: Int
    let batch: Int
    let tasksPerPrompt: Int
    let language: PromptLanguage?
    let llm: LLMOptions
    let arguments: ParsedArguments
    /// Set for `--from documents` and `--method magpie`, which run their own generators.
    let documents: DocumentQASettings?
    let magpie: MagpieSettings?

    public init(arguments: ParsedArguments) throws(UsageError) {
        let fromDocuments = arguments.string("from") == "documents"
        let isMagpie = arguments.string("method") == "magpie"
        if fromDocuments && isMagpie { throw UsageError("--from documents and --method magpie are two different sources; pick one") }
        let documentOnly = ["per-chunk", "style", "where", "grounding", "grounding-threshold"]
        let magpieOnly = ["template", "system", "turns", "raw-endpoint", "bos", "answer-with", "query-max-tokens"]
        let selfInstructOnly = ["seed-examples", "machine-examples", "batch", "tasks-per-prompt"]
        for name in documentOnly where !fromDocuments && arguments.string(name) != nil {
            throw UsageError("--\(name) applies only with --from documents")
        }
        for name in magpieOnly where !isMagpie && arguments.string(name) != nil {
            throw UsageError("--\(name) applies only with --method magpie")
        }
        for name in selfInstructOnly where (fromDocuments || isMagpie) && arguments.string(name) != nil {
            throw UsageError("--\(name) applies only to Self-Instruct (--from seeds)")
        }
        if fromDocuments, arguments.string("count") != nil {
            throw UsageError("--count does not apply with --from documents (every selected chunk gets --per-chunk questions)")
        }
        documents = fromDocuments ? try DocumentQASettings(arguments: arguments) : nil
        magpie = isMagpie ? try MagpieSettings(arguments: arguments) : nil
        if fromDocuments || isMagpie {
            count = magpie?.count ?? 0
        } else if let count = try arguments.int("count", minimum: 1) {
            self.count = count
        } else {
            throw UsageError("--count is required (how many accepted generated instructions to reach)")
        }
        seedExamples = try arguments.int("seed-examples", minimum: 0) ?? 6
        machineExamples = try arguments.int("machine-examples", minimum: 0) ?? 2
        guard seedExamples + machineExamples > 0 else { throw UsageError("--seed-examples and --machine-examples cannot both be 0") }
        batch = try arguments.int("batch", minimum: 1) ?? 8
        tasksPerPrompt = try arguments.int("tasks-per-prompt", minimum: 1) ?? 8
        language = arguments.string("lang").flatMap(PromptLanguage.init(rawValue:))
        llm = try LLMOptions(arguments: arguments)
        self.arguments = arguments
    }

    struct PoolRow {
        var id: Int64
        var text: String
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase()
        if let documents {
            return try DocumentQARun(settings: documents, llm: llm, arguments: arguments).run(context: context, database: database)
        }
        if let magpie {
            return try MagpieRun(settings: magpie, llm: llm, arguments: arguments).run(context: context, database: database)
        }
        let endpoint = try llm.endpoint(environment: context.environment)
        let prices = try PriceSettings.load(database)
        let seeds = try database.query(
            "SELECT id, instruction FROM instructions WHERE origin = 'seed' AND task_id IS NULL ORDER BY id"
        ).map { PoolRow(id: $0.int64("id"), text: $0.string("instruction")) }
        guard !seeds.isEmpty else {
            throw CommandError.failed(
                "no seed tasks in \(context.databasePath); import some first, e.g. 'dsbench import seeds.jsonl --as seeds'")
        }
        var machine = try database.query(
            """
            SELECT id, instruction FROM instructions i
            WHERE origin = 'generated' AND task_id IS NULL AND NOT EXISTS (
                SELECT 1 FROM latest_verdicts v
                WHERE v.instruction_id = i.id AND v.completion_id IS NULL AND v.passed = 0 AND v.filter LIKE 'gen-%')
            ORDER BY id
            """
        ).map { PoolRow(id: $0.int64("id"), text: $0.string("instruction")) }
        let language = self.language ?? PromptLanguage.detect(seeds.map(\.text))
        let template = TaskGenerationPrompt(language: language, requestedCount: tasksPerPrompt)
        let sampler = PoolSampler(seedCount: seedExamples, machineCount: machineExamples, runSeed: UInt64(bitPattern: Int64(llm.seed ?? 0)))
        let parameters = llm.parameters(defaults: SamplingParameters(temperature: 0.7, topP: 0.5, maxTokens: 1024))
        let store = LLMCallStore(database)
        var summary = RunSummary(command: "generate")

        func plannedPrompts(remaining: Int) -> Int {
            max(1, Int((Double(remaining) / (Double(tasksPerPrompt) * Self.assumedYield)).rounded(.up)))
        }
        func request(promptIndex: Int, pool machinePool: [PoolRow]) -> (LLMRequest, [Int64]) {
            let examples = sampler.sample(seeds: seeds, machine: machinePool, promptIndex: promptIndex)
            var sampled = parameters
            sampled.seed = (llm.seed ?? 0) &+ promptIndex  // wraps: any --seed is valid
            return (
                .chat(model: endpoint.model, messages: template.messages(examples: examples.map(\.text)), parameters: sampled),
                examples.map(\.id)
            )
        }

        if machine.count >= count {
            summary.add("accepted_total", machine.count)
            summary.add("target", count)
            context.print(llm.json ? summary.json() : summary.text("the database already holds \(machine.count) accepted generated instructions (target \(count)); nothing to do"))
            return
        }

        let firstIndex = try store.count(purpose: Self.purpose)
        if llm.dryRun {
            let prompts = plannedPrompts(remaining: count - machine.count)
            let requests = (0..<prompts).map { request(promptIndex: firstIndex + $0, pool: machine).0 }
            let estimate = DryRunEstimate(requests: requests, prices: prices)
            summary.add("dry_run", true)
            summary.add("calls", estimate.calls)
            summary.add("prompt_tokens", estimate.promptTokens)
            summary.add("completion_tokens_max", estimate.completionTokens)
            summary.add("cost_usd", estimate.cost.map { $0 as Any } ?? NSNull())
            summary.add("model", endpoint.model)
            summary.add("template", template.templateID.description)
            let cost = estimate.cost.map { "≤ " + RunSummary.money($0) } ?? "unknown cost (no price for \(endpoint.model); set one with 'dsbench config price')"
            context.print(llm.json ? summary.json() : summary.text(
                "dry run: about \(estimate.calls) calls (assuming \(Int(Self.assumedYield * 100))% of \(tasksPerPrompt) tasks per prompt pass), ~\(estimate.promptTokens) prompt tokens, ≤ \(estimate.completionTokens) completion tokens, \(cost); template \(template.templateID)"))
            return
        }

        let progress = LLMProgress(
            label: "generate", total: plannedPrompts(remaining: count - machine.count), sink: context.stderr,
            enabled: context.stderrIsTerminal && !llm.json)
        try RunRecorder.record(
            database, arguments: arguments, model: endpoint.model, endpointHost: endpoint.host,
            template: template.templateID.description
        ) { recorder in
            let ledger = LLMCallLedger(
                database: database, recorder: recorder, endpoint: endpoint, options: llm, prices: prices, progress: progress)
            if ledger.budgetUnenforceable(model: endpoint.model) {
                context.printError("warning: --max-cost cannot be enforced: no price for model '\(endpoint.model)'; set one with 'dsbench config price \(endpoint.model) IN OUT'")
            }
            var pool = RougeIndex(seeds.map(\.text) + machine.map(\.text))
            let filter = GenerationFilter()
            var accepted = machine.count
            let acceptedAtStart = accepted
            var rejectedByFilter: [String: Int] = [:]
            var promptIndex = firstIndex
            var roundsWithoutProgress = 0
            var lastError: String?
            var stopReason: BlockingCallRunner.StopReason?

            func process(_ call: PreparedCall, promptIndex: Int, exampleIDs: [Int64], _ outcome: LLMCallOutcome, cachedID: Int64?) throws {
                try database.transaction {
                    let callID = try ledger.record(call, outcome, cachedID: cachedID)
                    guard let response = outcome.response else {
                        lastError = outcome.failure.map { "\($0)" }
                        return
                    }
                    let items = NumberedListParser.items(in: response.content, finishReason: response.finishReason)
                    if items.isEmpty { recorder.count("empty_responses") }
                    for decision in filter.evaluate(items, pool: &pool) {
                        var row = InstructionStore.NewInstruction(instruction: decision.instruction, origin: .generated, runID: recorder.runID)
                        row.language = LanguageDetector.detect(decision.instruction).rawValue
                        row.llmCallID = callID
                        row.source = "self-instruct:prompt-\(promptIndex)"
                        row.extra = "{\"prompt_index\":\(promptIndex),\"prompt_examples\":[\(exampleIDs.map(String.init).joined(separator: ","))]}"
                        let id = try InstructionStore(database).insert(row)
                        try VerdictStore(database).insert(.init(
                            instructionID: id, completionID: nil, filter: decision.verdict.filter,
                            passed: decision.accepted, reason: decision.verdict.reason,
                            detail: decision.verdict.detailJSON, runID: recorder.runID))
                        recorder.totals.rowsWritten += 1
                        if decision.accepted {
                            machine.append(PoolRow(id: id, text: decision.instruction))
                            accepted += 1
                            recorder.count("accepted")
                        } else {
                            rejectedByFilter[decision.verdict.filter, default: 0] += 1
                            recorder.count("rejected.\(decision.verdict.filter)")
                        }
                    }
                }
            }

            while accepted < count {
                if context.interrupt.isRequested {
                    stopReason = .interrupted
                    break
                }
                let acceptedBefore = accepted
                let prompts = min(batch, plannedPrompts(remaining: count - accepted))
                var calls: [(call: PreparedCall, index: Int, examples: [Int64])] = []
                for k in 0..<prompts {
                    let (request, exampleIDs) = request(promptIndex: promptIndex + k, pool: machine)
                    calls.append((ledger.prepare(request, purpose: Self.purpose), promptIndex + k, exampleIDs))
                }
                promptIndex += prompts
                var pending: [Int] = []
                for (position, entry) in calls.enumerated() {
                    if let (outcome, id) = try ledger.cachedOutcome(entry.call) {
                        try process(entry.call, promptIndex: entry.index, exampleIDs: entry.examples, outcome, cachedID: id)
                    } else {
                        pending.append(position)
                    }
                }
                let stop = StopSignal()
                if accepted >= count { stop.stop() }
                let result = try ledger.runner(concurrency: llm.concurrency, interrupt: context.interrupt).run(
                    pending.map { calls[$0].call }, stop: stop
                ) { position, outcome in
                    let entry = calls[pending[position]]
                    try process(entry.call, promptIndex: entry.index, exampleIDs: entry.examples, outcome, cachedID: nil)
                    if accepted >= count { stop.stop() }
                }
                if result.reason == .budget || result.reason == .interrupted {
                    stopReason = result.reason
                    break
                }
                if progress.total < progress.done + plannedPrompts(remaining: max(0, count - accepted)) {
                    progress.total = progress.done + plannedPrompts(remaining: max(0, count - accepted))
                }
                if accepted == acceptedBefore {
                    roundsWithoutProgress += 1
                    if roundsWithoutProgress >= 5 {
                        throw CommandError.failed(
                            "no instruction accepted in 5 rounds in a row; last error: \(lastError ?? "all candidates were filtered out")")
                    }
                } else {
                    roundsWithoutProgress = 0
                }
            }
            progress.finish()

            let meter = ledger.gate.snapshot
            summary.add("accepted", accepted - acceptedAtStart)
            summary.add("accepted_total", accepted)
            summary.add("target", count)
            summary.add("rejected", rejectedByFilter)
            summary.addCallTotals(meter: meter, progress: progress, runID: recorder.runID, stopReason: stopReason)
            let rejectedText = rejectedByFilter.isEmpty ? "0 rejected" :
                "\(rejectedByFilter.values.reduce(0, +)) rejected (" + rejectedByFilter.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
            var line = "\(accepted - acceptedAtStart) accepted (\(accepted)/\(count) in the pool), \(rejectedText); "
            line += "\(meter.calls) calls (\(meter.failures) failed, \(progress.cached) cached), "
            line += "\(meter.usage.totalTokens) tokens, \(RunSummary.money(meter.spent)), \(String(format: "%.1f", progress.elapsed)) s"
            if stopReason == .budget { line += "; stopped: --max-cost reached" }
            context.print(llm.json ? summary.json() : summary.text(line))
            if stopReason == .interrupted { throw CommandError.interrupted }
        }
    }
}
