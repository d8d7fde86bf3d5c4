import Curation
import Foundation
import LLM
import Store
import Synthesis

/// The work of `dsbench generate`: reads the seed and machine pools, builds Self-Instruct prompts round by round
/// from the pool as it stands, sends them through `ModelCallRunner` and stores every candidate with its filter
/// verdict, until the database holds `settings.count` accepted generated instructions.
final class SelfInstructGenerator {
    static let purpose = "self-instruct-generate"

    /// A pool instruction: its row and its text.
    struct PoolRow {
        var id: Int64
        var text: String
    }

    let settings: GenerateSettings
    let seeds: [PoolRow]
    private(set) var machine: [PoolRow]
    let template: TaskGenerationPrompt
    private let sampler: PoolSampler
    private let parameters: SamplingParameters
    private let baseSeed: Int
    private let model: String

    /// Reads the pools. Throws when there are no seeds.
    init(settings: GenerateSettings, llm: LLMOptions, model: String, database: Database, databasePath: String) throws {
        self.settings = settings
        seeds = try database.query(
            "SELECT id, instruction FROM instructions WHERE origin = 'seed' AND task_id IS NULL ORDER BY id"
        ).map { PoolRow(id: $0.int64("id"), text: $0.string("instruction")) }
        guard !seeds.isEmpty else {
            throw CommandError.failed(
                "no seed tasks in \(databasePath); import some first, e.g. 'dsbench import seeds.jsonl --as seeds'")
        }
        machine = try database.query(
            """
            SELECT id, instruction FROM instructions i
            WHERE origin = 'generated' AND task_id IS NULL AND NOT EXISTS (
                SELECT 1 FROM latest_recorded_verdicts v
                WHERE v.instruction_id = i.id AND v.completion_id IS NULL AND v.passed = 0 AND v.filter LIKE 'gen-%')
            ORDER BY id
            """
        ).map { PoolRow(id: $0.int64("id"), text: $0.string("instruction")) }
        template = TaskGenerationPrompt(
            language: settings.language ?? PromptLanguage.detect(seeds.map(\.text)), requestedCount: settings.tasksPerPrompt)
        baseSeed = llm.seed ?? 0
        sampler = PoolSampler(
            seedCount: settings.seedExamples, machineCount: settings.machineExamples, runSeed: UInt64(baseSeed))
        parameters = llm.parameters(defaults: SamplingParameters(temperature: 0.7, topP: 0.5, maxTokens: 1024))
        self.model = model
    }

    var remaining: Int { max(0, settings.count - machine.count) }

    /// What every prompt sends (its seed: `--seed` plus the prompt's number), for `runs.options`.
    var sampling: EffectiveSampling {
        var sent = parameters
        sent.seed = baseSeed
        return EffectiveSampling().adding("generate", sent, baseSeed: baseSeed)
    }

    /// One prompt: its call, its index (which numbers its seed and its `source`), and the pool rows it shows.
    struct Prompt {
        var call: ModelCall
        var index: Int
        var exampleIDs: [Int64]
    }

    /// The prompt numbered `index`, sampled from the pool as it stands. Prompt numbers continue across runs
    /// (from the ledger's count), so a rerun asks new questions instead of repeating answered ones.
    func prompt(_ index: Int) -> Prompt {
        let examples = sampler.sample(seeds: seeds, machine: machine, promptIndex: index)
        var sampled = parameters
        sampled.seed = baseSeed &+ index  // wraps: any --seed is valid
        let request = LLMRequest.chat(
            model: model, messages: template.messages(examples: examples.map(\.text)), parameters: sampled)
        return Prompt(call: ModelCall(request, purpose: Self.purpose), index: index, exampleIDs: examples.map(\.id))
    }

    /// The calls a dry run estimates: the prompts expected to reach the target at the assumed yield.
    func plannedCalls(firstIndex: Int) -> [ModelCall] {
        (0..<settings.plannedPrompts(remaining: remaining)).map { prompt(firstIndex + $0).call }
    }

    /// Sends rounds of `settings.batch` prompts until the target is reached or the runner stops; gives up with
    /// `no-progress` after `roundsWithoutProgressLimit` rounds without an accepted instruction.
    func run(_ runner: ModelCallRunner) throws -> GenerateReport {
        let database = runner.database
        let recorder = runner.recorder
        var pool = RougeIndex(seeds.map(\.text) + machine.map(\.text))
        let filter = GenerationFilter()
        let acceptedAtStart = machine.count
        var rejected: [String: Int] = [:]
        var unparsedResponses = 0, emptyResponses = 0
        var nextIndex = try LLMCallStore(database).count(purpose: Self.purpose)
        var roundsWithoutProgress = 0
        runner.progress.total = settings.plannedPrompts(remaining: remaining)

        while remaining > 0 {
            let acceptedBefore = machine.count
            let prompts = (0..<min(settings.batch, settings.plannedPrompts(remaining: remaining))).map { prompt(nextIndex + $0) }
            nextIndex += prompts.count
            let stop = StopSignal()
            let result = try runner.run(prompts.map(\.call), stop: stop) { result in
                guard let response = result.response else { return }
                let prompt = prompts[result.index]
                let items = NumberedListParser.items(in: response.content, finishReason: response.finishReason)
                // A reply with text but no parsable item is not empty: it is kept in llm_calls for a look.
                if items.isEmpty {
                    let blank = response.content.allSatisfy(\.isWhitespace)
                    recorder.count(blank ? "empty_responses" : "unparsed_responses")
                    if blank { emptyResponses += 1 } else { unparsedResponses += 1 }
                }
                for decision in filter.evaluate(items, pool: &pool) {
                    var row = InstructionStore.NewInstruction(instruction: decision.instruction, origin: .generated, runID: recorder.runID)
                    row.language = LanguageDetector.detect(decision.instruction).rawValue
                    row.llmCallID = result.callID
                    row.source = "self-instruct:prompt-\(prompt.index)"
                    row.extra = "{\"prompt_index\":\(prompt.index),\"prompt_examples\":[\(prompt.exampleIDs.map(String.init).joined(separator: ","))]}"
                    let id = try InstructionStore(database).insert(row)
                    try VerdictStore(database).insert(.init(
                        instructionID: id, completionID: nil, filter: decision.verdict.filter,
                        passed: decision.accepted, reason: decision.verdict.reason,
                        detail: decision.verdict.detailJSON, runID: recorder.runID))
                    recorder.totals.rowsWritten += 1
                    if decision.accepted {
                        machine.append(PoolRow(id: id, text: decision.instruction))
                        recorder.count("accepted")
                    } else {
                        rejected[decision.verdict.filter, default: 0] += 1
                        recorder.count("rejected.\(decision.verdict.filter)")
                    }
                }
                if remaining == 0 { stop.stop() }
            }
            if result != .completed { break }
            runner.progress.total = max(runner.progress.total, runner.progress.done + settings.plannedPrompts(remaining: remaining))
            roundsWithoutProgress = machine.count == acceptedBefore ? roundsWithoutProgress + 1 : 0
            if roundsWithoutProgress >= GenerateSettings.roundsWithoutProgressLimit {
                let why = Self.noProgressReason(
                    failed: runner.summary.failed, lastFailure: runner.lastFailure, unparsed: unparsedResponses,
                    empty: emptyResponses, rejected: rejected)
                runner.halt(.noProgress, message: "no instruction accepted in \(GenerateSettings.roundsWithoutProgressLimit) rounds in a row: \(why)")
                break
            }
        }
        return GenerateReport(
            accepted: machine.count - acceptedAtStart, acceptedTotal: machine.count, target: settings.count,
            rejected: rejected, template: template.templateID.description, unparsedResponses: unparsedResponses,
            emptyResponses: emptyResponses)
    }

    /// What the run's replies came to, for the no-progress error: failed calls (with the last error), replies
    /// without a readable numbered list, empty replies, candidates the filters rejected.
    static func noProgressReason(
        failed: Int, lastFailure: String?, unparsed: Int, empty: Int, rejected: [String: Int]
    ) -> String {
        var parts: [String] = []
        if failed > 0 { parts.append("\(failed) calls failed (last error: \(lastFailure ?? "unknown"))") }
        if unparsed > 0 { parts.append("\(unparsed) replies had no numbered list to read (see llm_calls.content)") }
        if empty > 0 { parts.append("\(empty) replies were empty") }
        let filtered = rejected.values.reduce(0, +)
        if filtered > 0 {
            let reasons = rejected.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
            parts.append("\(filtered) candidates were rejected (\(reasons))")
        }
        return parts.isEmpty ? "no reply held a candidate" : parts.joined(separator: "; ")
    }
}
