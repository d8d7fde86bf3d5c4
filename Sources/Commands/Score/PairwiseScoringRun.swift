import Curation
import Foundation
import LLM
import Store
import Synthesis

/// One `dsbench score --scorer pairwise` run: the pairwise asks of every selected instruction (see
/// `PairSchedule`), less those this judge and template already answered, sent through `ModelCallRunner`; each
/// readable verdict is written to `pairwise_judgements` in the transaction of its ledger row, an unreadable one
/// is counted (and the first few printed).
final class PairwiseScoringRun {
    static let purpose = "score-pairwise"
    static let warningLimit = 5

    /// One question for the judge: which instruction, which completion is shown as A and which as B.
    struct Ask {
        var instructionID: Int64
        var first: ScoreSubject
        var second: ScoreSubject
        var swapCheck: Bool
    }

    let model: String
    let options: LLMOptions
    let context: CommandContext
    private var warnings = 0

    init(model: String, options: LLMOptions, context: CommandContext) {
        self.model = model
        self.options = options
        self.context = context
    }

    /// The asks for `answers` (one instruction's passing answers per entry), without those in `answered`.
    static func asks(
        _ answers: [[ScoreSubject]], schedule: PairSchedule, answered: Set<PairwiseJudgementStore.AnsweredPair>
    ) -> (todo: [Ask], alreadyAnswered: Int) {
        var todo: [Ask] = []
        var already = 0
        for group in answers where group.count >= 2 {
            let byID = Dictionary(uniqueKeysWithValues: group.compactMap { subject in subject.completionID.map { ($0, subject) } })
            for ask in schedule.asks(for: Array(byID.keys)) {
                if answered.contains(.init(ask.first, ask.second, swapCheck: ask.swapCheck)) {
                    already += 1
                    continue
                }
                todo.append(Ask(instructionID: group[0].instructionID, first: byID[ask.first]!, second: byID[ask.second]!, swapCheck: ask.swapCheck))
            }
        }
        return (todo, already)
    }

    /// The call for an ask: the pairwise prompt as one user message, temperature 0 by default so a rerun is
    /// the same request.
    func call(_ ask: Ask) -> ModelCall {
        let subject = ask.first
        let prompt = PairwisePrompt.render(
            instruction: subject.instruction, input: subject.input, first: ask.first.output ?? "", second: ask.second.output ?? "",
            system: subject.system, conversation: subject.conversation.flatMap(ConversationTurns.beforeFinalAnswer) ?? [])
        return ModelCall(.chat(model: model, messages: [.user(prompt.text)], parameters: parameters), purpose: Self.purpose)
    }

    /// Every ask's sampling: temperature 0 and a short reply unless overridden.
    private var parameters: SamplingParameters {
        var parameters = options.parameters(defaults: SamplingParameters(temperature: 0, maxTokens: 300))
        parameters.seed = options.seed
        return parameters
    }

    /// What the asks send, for `runs.options`.
    var sampling: EffectiveSampling { EffectiveSampling().adding("pairwise", parameters, baseSeed: options.seed) }

    /// Judges `asks`, adding the counts to `report`.
    func judge(_ asks: [Ask], runner: ModelCallRunner, report: inout PairwiseScoreReport) throws {
        let store = PairwiseJudgementStore(runner.database)
        try runner.run(asks.map(call)) { result in
            guard let response = result.response else { return }
            let ask = asks[result.index]
            switch PairwiseReplyParser.parse(response.content) {
            case .success(let reply):
                try store.insert(.init(
                    instructionID: ask.instructionID, firstID: ask.first.completionID!, secondID: ask.second.completionID!,
                    winner: reply.winner.rawValue, swapCheck: ask.swapCheck, rationale: reply.rationale, judge: model,
                    template: PairwisePrompt.identifier, llmCallID: result.callID, runID: runner.recorder.runID))
                runner.recorder.totals.rowsWritten += 1
                runner.recorder.count(ask.swapCheck ? "swap_checks" : "judged")
                report.judged += 1
                if reply.winner == .tie { report.ties += 1 }
            case .failure(let failure):
                runner.recorder.count("unparseable")
                report.unparseable += 1
                guard warnings < Self.warningLimit else { return }
                warnings += 1
                let shown = response.content.replacingOccurrences(of: "\n", with: " ").prefix(100)
                context.printError(
                    "warning: completions \(ask.first.completionID!) vs \(ask.second.completionID!) (instruction \(ask.instructionID)): reply not read: \(failure.reason): \"\(shown)\"")
            }
        }
    }
}
