import Curation
import Foundation
import LLM
import Store
import Synthesis

/// `--backend llm`: one round of Evol-Instruct with a model, in three batches — rewrite every planned
/// evolution, ask the judge whether each surviving rewrite gains anything over its parent, then answer the
/// ones still standing. Every call goes through `ModelCallRunner` (a row in `llm_calls`, answered from there on
/// a rerun) and each outcome is written in one transaction with the rows and verdicts it produces.
///
/// A later batch never waits for calls it does not depend on, and a stop (budget, Ctrl-C) between batches
/// leaves only finished work behind: the next run finds the rows and continues where this one ended.
final class ModelEvolutionBackend {
    static let rewritePurpose = "evol-rewrite"
    static let gainPurpose = "evol-gain-check"
    static let answerPurpose = "evol-answer"

    let settings: EvolveSettings
    let options: LLMOptions
    let rows: EvolutionLedger
    let runner: ModelCallRunner
    let factory: EvolutionRequestFactory
    let eliminator: EvolutionEliminator
    /// The endpoint's model, recorded on answers when the server does not name one.
    let model: String

    init(
        settings: EvolveSettings, options: LLMOptions, rows: EvolutionLedger, runner: ModelCallRunner, model: String
    ) {
        self.settings = settings
        self.options = options
        self.rows = rows
        self.runner = runner
        self.model = model
        factory = Self.requestFactory(model: model, options: options)
        let detector = RefusalDetector.standard
        eliminator = EvolutionEliminator(isRefusal: { detector.isRefusal($0) })
    }

    /// The request factory with the user's sampling overrides: the temperature applies to the rewrite and the
    /// answer, max tokens and top-p to the answer only; the judge stays at temperature 0.
    static func requestFactory(model: String, options: LLMOptions) -> EvolutionRequestFactory {
        var factory = EvolutionRequestFactory(model: model)
        if let temperature = options.temperature {
            factory.evolveTemperature = temperature
            factory.answerTemperature = temperature
        }
        factory.answerMaxTokens = options.maxTokens
        factory.answerTopP = options.topP
        return factory
    }

    /// What the rewrite, gain-check and answer requests send (those this run makes), read from the factory's
    /// requests, for `runs.options`; each call's seed derives from `--seed` and the evolution.
    static func sampling(model: String, options: LLMOptions, settings: EvolveSettings) -> EffectiveSampling {
        let factory = requestFactory(model: model, options: options)
        let base = Int(clamping: settings.seed)
        var sampling = EffectiveSampling().adding(
            "rewrite", factory.evolveRequest(instruction: "", input: "", strategy: .deepen, seed: 0).parameters, baseSeed: base)
        if settings.gainCheck {
            sampling = sampling.adding("gain", factory.gainRequest(parent: "", evolved: "", seed: 0).parameters, baseSeed: base)
        }
        if settings.complete {
            sampling = sampling.adding("answer", factory.answerRequest(instruction: "", input: "", seed: 0).parameters, baseSeed: base)
        }
        return sampling
    }

    /// An evolved row that still has checks to pass in this round.
    private struct Candidate {
        var evolution: PlannedEvolution
        var childID: Int64
        var instruction: String
        var input: String
        var parent: EvolutionLedger.Instruction
        var needsGain: Bool
        /// The stored answer, when one exists but its checks have not run.
        var answer: (id: Int64, text: String)?
    }

    /// Processes new and unfinished evolutions of one round. Evolutions missing from the result either
    /// failed a call (their parent is retried next round) or were not reached because the run stopped
    /// (`summary.calls.stopped` says why then).
    func process(
        missing: [PlannedEvolution], unfinished: [(PlannedEvolution, EvolutionLedger.ExistingChild)],
        parents: [Int64: EvolutionLedger.Instruction], recorder: RunRecorder, summary: inout EvolveRoundSummary
    ) throws -> [PlannedEvolution: EvolutionResult] {
        let before = runner.summary
        defer { summary.calls = runner.summary.since(before) }
        var results: [PlannedEvolution: EvolutionResult] = [:]
        var candidates: [Candidate] = []
        for (evolution, child) in unfinished {
            guard let parent = parents[evolution.parentID] else { continue }
            candidates.append(Candidate(
                evolution: evolution, childID: child.id, instruction: child.instruction, input: child.input,
                parent: parent,
                needsGain: settings.gainCheck && !child.passed.contains(EvolutionEliminationRule.noGain.filterName),
                answer: child.completionID.map { ($0, child.answer ?? "") }))
        }

        // 1. Rewrites.
        let rewrites = missing.compactMap { evolution in parents[evolution.parentID].map { (evolution, $0) } }
        var stop = try send(
            rewrites.map { evolution, parent in
                factory.evolveRequest(
                    instruction: parent.instruction, input: parent.input,
                    strategy: EvolutionStrategy(rawValue: evolution.strategy) ?? .deepen, seed: evolution.seed)
            },
            purpose: Self.rewritePurpose
        ) { index, response, callID in
            let (evolution, parent) = rewrites[index]
            guard let response else {
                summary.failedEvolutions += 1
                return
            }
            if response.finishReason == "length" { recorder.count("truncated_rewrites") }
            let extracted = EvolvedInstructionExtractor.extract(from: response.content)
            let (text, input) = Self.separateInput(extracted, parentInput: parent.input, strategy: evolution.strategy)
            let id = try rows.insertEvolved(
                instruction: text, input: input, parent: parent, evolution: evolution, callID: callID, runID: recorder.runID)
            recorder.totals.rowsWritten += 1
            summary.evolved += 1
            let fired = try recordTextRules(childID: id, text: text, parent: parent, runID: recorder.runID)
            if fired.isEmpty {
                candidates.append(Candidate(
                    evolution: evolution, childID: id, instruction: text, input: input, parent: parent,
                    needsGain: settings.gainCheck, answer: nil))
            } else {
                eliminate(fired, &summary)
                results[evolution] = EvolutionResult(childID: id, survived: false)
            }
        }
        if stop != .completed { return results }

        // 2. Information-gain judge.
        let judged = candidates.indices.filter { candidates[$0].needsGain }
        var dropped = Set<Int>()
        stop = try send(
            judged.map { index in
                let candidate = candidates[index]
                return factory.gainRequest(
                    parent: Self.fullText(candidate.parent.instruction, candidate.parent.input),
                    evolved: Self.fullText(candidate.instruction, candidate.input), seed: candidate.evolution.seed)
            },
            purpose: Self.gainPurpose
        ) { position, response, _ in
            let index = judged[position]
            let candidate = candidates[index]
            dropped.insert(index)
            guard let response else {
                summary.failedEvolutions += 1
                results[candidate.evolution] = EvolutionResult(childID: candidate.childID, survived: false)
                return
            }
            let elimination = InformationGainCheck.elimination(forReply: response.content)
            let note = InformationGainCheck.parse(response.content) == .unclear
                ? "judge reply unreadable, evolution kept: \"\(response.content.prefix(80))\"" : nil
            try rows.recordVerdict(
                instructionID: candidate.childID, completionID: nil, rule: .noGain, elimination: elimination, note: note,
                runID: recorder.runID)
            if let elimination {
                eliminate([elimination], &summary)
                results[candidate.evolution] = EvolutionResult(childID: candidate.childID, survived: false)
            } else {
                dropped.remove(index)
            }
        }
        // Judged candidates whose call never started stay unresolved.
        if stop != .completed { return results }
        candidates = candidates.indices.filter { !dropped.contains($0) }.map { candidates[$0] }

        // 3. Answers, then the checks on them.
        if settings.complete {
            for candidate in candidates {
                guard let answer = candidate.answer else { continue }
                let survived = try checkAnswer(candidate, answerID: answer.id, text: answer.text, runID: recorder.runID, &summary)
                results[candidate.evolution] = EvolutionResult(childID: candidate.childID, survived: survived)
            }
            let unanswered = candidates.filter { $0.answer == nil }
            stop = try send(
                unanswered.map { candidate in
                    factory.answerRequest(
                        instruction: candidate.instruction, input: candidate.input, seed: candidate.evolution.seed)
                },
                purpose: Self.answerPurpose
            ) { index, response, callID in
                let candidate = unanswered[index]
                guard let response else {
                    summary.failedEvolutions += 1
                    results[candidate.evolution] = EvolutionResult(childID: candidate.childID, survived: false)
                    return
                }
                let answerID = try rows.insertAnswer(
                    instructionID: candidate.childID, output: response.content, model: response.model ?? model,
                    finishReason: response.finishReason, callID: callID, runID: recorder.runID)
                recorder.totals.rowsWritten += 1
                recorder.count("answers")
                let survived = try checkAnswer(
                    candidate, answerID: answerID, text: response.content, runID: recorder.runID, &summary)
                results[candidate.evolution] = EvolutionResult(childID: candidate.childID, survived: survived)
            }
            if stop != .completed { return results }
        } else {
            for candidate in candidates {
                summary.survived += 1
                results[candidate.evolution] = EvolutionResult(childID: candidate.childID, survived: true)
            }
        }
        return results
    }

    /// The leak and stop-word rules on a new rewrite, recorded as verdicts; returns those that fired.
    private func recordTextRules(
        childID: Int64, text: String, parent: EvolutionLedger.Instruction, runID: Int64
    ) throws -> [EvolutionElimination] {
        let leak = TemplateLeakRule.elimination(evolved: text, parent: Self.fullText(parent.instruction, parent.input))
        let stop = StopwordOnlyRule.elimination(evolved: text, answer: nil)
        try rows.recordVerdict(instructionID: childID, completionID: nil, rule: .leak, elimination: leak, runID: runID)
        try rows.recordVerdict(instructionID: childID, completionID: nil, rule: .stopwords, elimination: stop, runID: runID)
        return [leak, stop].compactMap { $0 }
    }

    /// The refusal and stop-word rules on an answer, recorded against the completion; true when both pass.
    private func checkAnswer(
        _ candidate: Candidate, answerID: Int64, text: String, runID: Int64, _ summary: inout EvolveRoundSummary
    ) throws -> Bool {
        let refusal = eliminator.refusal.elimination(answer: text)
        let stop = StopwordOnlyRule.elimination(answer: text)
        try rows.recordVerdict(
            instructionID: candidate.childID, completionID: answerID, rule: .refusal, elimination: refusal, runID: runID)
        try rows.recordVerdict(
            instructionID: candidate.childID, completionID: answerID, rule: .stopwords, elimination: stop, runID: runID)
        let fired = [refusal, stop].compactMap { $0 }
        eliminate(fired, &summary)
        if fired.isEmpty { summary.survived += 1 }
        return fired.isEmpty
    }

    private func eliminate(_ fired: [EvolutionElimination], _ summary: inout EvolveRoundSummary) {
        for elimination in fired { summary.eliminated[elimination.rule.filterName, default: 0] += 1 }
    }

    /// Sends one request per element through the runner; `handle` gets the element's index, its response (nil
    /// when the call failed) and its ledger row, inside the call's transaction. Returns `.completed` or why the
    /// run stopped, which also ends the round.
    private func send(
        _ requests: [LLMRequest], purpose: String, handle: (Int, LLMResponse?, Int64?) throws -> Void
    ) throws -> ModelCallStop {
        try runner.run(requests.map { ModelCall($0, purpose: purpose) }) { result in
            try handle(result.index, result.response, result.callID)
        }
    }

    /// An instruction with its separate input, as the prompts show it.
    static func fullText(_ instruction: String, _ input: String) -> String {
        input.isEmpty ? instruction : instruction + "\n\n" + input
    }

    /// The prompt shows the parent's input after its instruction and asks to keep it; when the rewrite ends
    /// with that input unchanged, it is split off again so the row keeps the instruction/input shape.
    /// Otherwise the rewrite stands alone (breadth writes a new task; a model may have reworded the input).
    static func separateInput(_ rewrite: String, parentInput: String, strategy: String) -> (String, String) {
        let input = parentInput.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !input.isEmpty, strategy != EvolutionStrategy.breadth.rawValue, rewrite.hasSuffix(input) else {
            return (rewrite, "")
        }
        let head = String(rewrite.dropLast(input.count)).trimmingCharacters(in: .whitespacesAndNewlines)
        return head.isEmpty ? (rewrite, "") : (head, input)
    }
}
