import Foundation
import LLM
import Store
import Synthesis

/// The work of `dsbench complete`: selects the instructions still lacking outputs, and asks the model through
/// `ModelCallRunner` for answers (`--mode answer`), or classifies each Self-Instruct task and asks for its
/// input/output instances (`--mode instances`). Each outcome is stored in the transaction of its call.
struct ModelCompleter {
    static let answerPurpose = "complete-answer"
    static let classifyPurpose = "self-instruct-classify"
    static let instancesPurpose = "self-instruct-instances"

    let instancesMode: Bool
    let samples: Int
    let maxInstances: Int
    let llm: LLMOptions
    /// The endpoint's model, set once the endpoint is resolved.
    var model: String
    /// `--models`: every listed model gives `samples` answers, counted per model (by `llm_calls.model`, the
    /// model asked); nil asks `model` only and counts every completion of an instruction.
    var models: [String]? = nil

    var template: String { instancesMode ? "self-instruct-instances@1" : "complete-answer@1" }
    var mode: String { instancesMode ? "instances" : "answer" }

    // MARK: - Selection

    /// Rows of the `examples` view matching `condition` (not failed, not duplicates) that still lack outputs.
    func selectTargets(_ database: Database, condition: WhereCondition?, limit: Int?) throws -> [CompletionTarget] {
        if let models, !instancesMode {
            let perModel = try models.map { try selectTargets(database, condition: condition, limit: limit, askedModel: $0) }
            return perModel.flatMap { $0 }.sorted { $0.id != $1.id ? $0.id < $1.id : models.firstIndex(of: $0.model!)! < models.firstIndex(of: $1.model!)! }
        }
        return try selectTargets(database, condition: condition, limit: limit, askedModel: nil)
    }

    /// The targets for one model of `--models` (`askedModel`), or for the command's model (nil).
    private func selectTargets(
        _ database: Database, condition: WhereCondition?, limit: Int?, askedModel: String?
    ) throws -> [CompletionTarget] {
        let filter = condition?.sql ?? "1"
        // With --models, only answers asked of this model count (llm_calls.model is the model requested).
        let answered = askedModel == nil
            ? "FROM completions c WHERE c.instruction_id = i.id"
            : "FROM completions c JOIN llm_calls l ON l.id = c.llm_call_id WHERE c.instruction_id = i.id AND l.model = ?"
        let limitClause = limit.map { " LIMIT \($0)" } ?? ""
        let sql: String
        if instancesMode {
            sql = """
                SELECT i.id, i.instruction, i.input, i.system, i.origin, i.language, i.is_classification FROM instructions i
                WHERE i.task_id IS NULL AND i.conversation IS NULL
                  AND NOT EXISTS (SELECT 1 FROM completions c WHERE c.instruction_id = i.id)
                  AND i.id IN (SELECT instruction_id FROM examples WHERE verdict <> 'fail' AND NOT is_duplicate AND \(filter))
                ORDER BY i.id\(limitClause)
                """
        } else {
            sql = """
                SELECT i.id, i.instruction, i.input, i.system, i.origin, i.language, i.is_classification,
                    (SELECT group_concat(c.sample_index) \(answered)) AS present,
                    (SELECT k.text FROM chunks k WHERE k.id = i.chunk_id) AS passage
                FROM instructions i
                WHERE i.conversation IS NULL
                  AND i.id IN (SELECT instruction_id FROM examples WHERE verdict <> 'fail' AND NOT is_duplicate AND \(filter))
                  AND (SELECT count(*) \(answered) AND c.sample_index < ?) < ?
                ORDER BY i.id\(limitClause)
                """
        }
        let modelArgument: [SQLValue] = askedModel.map { [.text($0)] } ?? []
        let rows = try database.query(
            sql, instancesMode ? [] : modelArgument + modelArgument + [.integer(Int64(samples)), .integer(Int64(samples))])
        return rows.map { row in
            var missing = Array(0..<(instancesMode ? 1 : samples))
            if let present = row.optionalString("present") {
                // The sample indexes already answered, read with the row instead of one query per instruction.
                let answered = Set(present.split(separator: ",").compactMap { Int($0) })
                missing.removeAll { answered.contains($0) }
            }
            return CompletionTarget(
                id: row.int64("id"), instruction: row.string("instruction"), input: row.string("input"),
                system: row.optionalString("system"), origin: row.string("origin"), language: row.string("language"),
                isClassification: row.optionalBool("is_classification"), missingSamples: missing, model: askedModel,
                passage: row.optionalString("passage"))
        }
    }

    // MARK: - Calls

    /// Every call a run would make (instances mode: the classification, then the instances call assuming
    /// "not classification" where the answer is not known yet).
    func plannedCalls(_ targets: [CompletionTarget]) -> [ModelCall] {
        targets.flatMap { target -> [ModelCall] in
            if instancesMode {
                let classify = target.isClassification == nil ? [classifyCall(target)] : []
                return classify + [instancesCall(target, isClassification: target.isClassification ?? false)]
            }
            return target.missingSamples.map { answerCall(target, sample: $0) }
        }
    }

    func run(_ targets: [CompletionTarget], runner: ModelCallRunner) throws -> CompleteReport {
        runner.progress.total = plannedCalls(targets).count
        let written = instancesMode ? try instances(targets, runner) : try answers(targets, runner)
        runner.recorder.totals.rowsWritten += written
        return CompleteReport(mode: mode, instructions: Set(targets.map(\.id)).count, rowsWritten: written)
    }

    private func answers(_ targets: [CompletionTarget], _ runner: ModelCallRunner) throws -> Int {
        let jobs = targets.flatMap { target in target.missingSamples.map { (target, $0) } }
        var written = 0
        try runner.run(jobs.map { answerCall($0.0, sample: $0.1) }) { result in
            guard let response = result.response else { return }
            let (target, sample) = jobs[result.index]
            var row = CompletionStore.NewCompletion(
                instructionID: target.id, output: response.content, origin: .model, runID: runner.recorder.runID)
            row.model = response.model ?? target.model ?? model
            row.finishReason = response.finishReason
            row.sampleIndex = sample
            row.llmCallID = result.callID
            try CompletionStore(runner.database).insert(row)
            written += 1
        }
        return written
    }

    private func instances(_ targets: [CompletionTarget], _ runner: ModelCallRunner) throws -> Int {
        var classified = targets
        let unknown = targets.indices.filter { targets[$0].isClassification == nil }
        let stop = try runner.run(unknown.map { classifyCall(targets[$0]) }) { result in
            guard let response = result.response else { return }
            let index = unknown[result.index]
            let answer = ClassificationPrompt.parseAnswer(response.content)
            if answer == nil { runner.recorder.count("classification_unparsed") }
            classified[index].isClassification = answer ?? false
            try InstructionStore(runner.database).setClassification(taskID: targets[index].id, answer == true)
        }
        guard stop == .completed else { return 0 }
        let ready = classified.filter { $0.isClassification != nil }
        var written = 0
        try runner.run(ready.map { instancesCall($0, isClassification: $0.isClassification!) }) { result in
            guard let response = result.response else { return }
            written += try storeInstances(ready[result.index], response: response, callID: result.callID, runner: runner)
        }
        return written
    }

    private func answerCall(_ target: CompletionTarget, sample: Int) -> ModelCall {
        var messages: [ChatMessage] = []
        let input = target.input.trimmingCharacters(in: .whitespacesAndNewlines)
        let question = input.isEmpty ? target.instruction : target.instruction + "\n\n" + input
        if let passage = target.passage {
            // A question drawn from a document is answered from its chunk (`doc-answer@1`).
            messages = GroundedAnswerPrompt.messages(question: question, passage: passage, system: target.system, language: target.promptLanguage)
        } else {
            if let system = target.system, !system.isEmpty { messages.append(.system(system)) }
            messages.append(.user(question))
        }
        var parameters = answerParameters
        parameters.seed = parameters.seed.map { $0 &+ sample }
        return ModelCall(.chat(model: target.model ?? model, messages: messages, parameters: parameters), purpose: Self.answerPurpose)
    }

    /// The sampling of each call type: no default for the answer (the server's applies unless given), so the
    /// answer sends a seed only when asked for one or for several samples (base `--seed`, plus the sample).
    private var answerParameters: SamplingParameters {
        var parameters = llm.parameters(defaults: SamplingParameters())
        if samples > 1 || llm.seed != nil { parameters.seed = llm.seed ?? 0 }
        return parameters
    }

    private var classifyParameters: SamplingParameters {
        var parameters = llm.parameters(defaults: SamplingParameters(temperature: 0, maxTokens: 8))
        parameters.seed = llm.seed
        return parameters
    }

    private var instancesParameters: SamplingParameters {
        var parameters = llm.parameters(defaults: SamplingParameters(temperature: 0.7, maxTokens: 1024))
        parameters.seed = llm.seed
        return parameters
    }

    /// What this mode's requests send, per call type, for `runs.options`.
    var sampling: EffectiveSampling {
        instancesMode
            ? EffectiveSampling().adding("classify", classifyParameters, baseSeed: llm.seed)
                .adding("instances", instancesParameters, baseSeed: llm.seed)
            : EffectiveSampling().adding("answer", answerParameters, baseSeed: llm.seed ?? 0)
    }

    private func classifyCall(_ target: CompletionTarget) -> ModelCall {
        let parameters = classifyParameters
        let messages = ClassificationPrompt(language: target.promptLanguage).messages(instruction: target.instruction)
        return ModelCall(.chat(model: model, messages: messages, parameters: parameters), purpose: Self.classifyPurpose)
    }

    private func instancesCall(_ target: CompletionTarget, isClassification: Bool) -> ModelCall {
        let parameters = instancesParameters
        let prompt = InstancePrompt(language: target.promptLanguage, outputFirst: isClassification, maxInstances: maxInstances)
        return ModelCall(
            .chat(model: model, messages: prompt.messages(instruction: target.instruction), parameters: parameters),
            purpose: Self.instancesPurpose)
    }

    /// First instance fills the task row; the others become rows with `task_id` = the task. Returns rows written.
    private func storeInstances(
        _ target: CompletionTarget, response: LLMResponse, callID: Int64?, runner: ModelCallRunner
    ) throws -> Int {
        let database = runner.database, recorder = runner.recorder
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
        try InstructionStore(database).setInput(id: target.id, first.input)
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
