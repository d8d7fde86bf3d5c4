import Curation
import Foundation
import LLM
import Store

/// One `dsbench score --scorer judge|complexity` run: a request per subject, answered from `llm_calls` when
/// the same request succeeded before, otherwise sent with bounded concurrency. Each outcome is written in
/// one transaction with its ledger row: a score when the reply parses, a counted warning when it does not.
final class ModelScoringRun {
    /// Warnings about unreadable replies printed per run; the rest are only counted.
    static let warningLimit = 5

    let kind: ModelScorerKind
    let model: String
    let options: LLMOptions
    let calls: LLMCallLedger
    let context: CommandContext
    private let scores: ScoreStore
    private var warnings = 0

    init(kind: ModelScorerKind, model: String, options: LLMOptions, calls: LLMCallLedger, context: CommandContext) {
        self.kind = kind
        self.model = model
        self.options = options
        self.calls = calls
        self.context = context
        scores = ScoreStore(calls.database)
    }

    /// Scores `subjects`, filling the counts of `summary`.
    func score(_ subjects: [ScoreSubject], summary: inout ModelScoreSummary) throws {
        let built = subjects.map { kind.request(for: $0, model: model, options: options) }
        let prepared = built.map { calls.prepare($0.0, purpose: kind.purpose) }
        var pending: [Int] = []
        for (index, call) in prepared.enumerated() {
            if let (outcome, cachedID) = try calls.cachedOutcome(call) {
                try calls.database.transaction {
                    let callID = try calls.record(call, outcome, cachedID: cachedID)
                    try handle(outcome, callID: callID, subject: subjects[index], prompt: built[index].1, &summary)
                }
                summary.cacheHits += 1
            } else {
                pending.append(index)
            }
        }
        if context.interrupt.isRequested {
            summary.stopped = "interrupted"
            summary.notStarted = pending.count
            return
        }
        let runner = calls.runner(concurrency: options.concurrency, interrupt: context.interrupt)
        let result = try runner.run(pending.map { prepared[$0] }) { position, outcome in
            let index = pending[position]
            try calls.database.transaction {
                let callID = try calls.record(prepared[index], outcome)
                try handle(outcome, callID: callID, subject: subjects[index], prompt: built[index].1, &summary)
            }
        }
        if let reason = result.reason {
            summary.stopped = reason == .budget ? "max-cost" : reason == .interrupted ? "interrupted" : "stopped"
            summary.notStarted = result.notStarted
        } else if context.interrupt.isRequested {
            summary.stopped = "interrupted"
        }
    }

    /// Writes the score of one answered call, or counts why there is none.
    private func handle(
        _ outcome: LLMCallOutcome, callID: Int64?, subject: ScoreSubject, prompt: ScoringPrompt,
        _ summary: inout ModelScoreSummary
    ) throws {
        guard let response = outcome.response else {
            summary.failedCalls += 1
            return
        }
        switch ScoreReplyParser.parse(response.content) {
        case .success(let parsed):
            let detail: [String: Any] = [
                "raw_score": parsed.value, "scale": "1-10", "template": prompt.template, "model": model,
                "language": prompt.language.rawValue, "form": parsed.form.rawValue,
            ]
            let json = try JSONSerialization.data(withJSONObject: detail, options: [.sortedKeys])
            try scores.insert(.init(
                instructionID: subject.instructionID, completionID: subject.completionID, scorer: kind.rawValue,
                value: Self.storedValue(parsed.value), rationale: parsed.rationale,
                detail: String(decoding: json, as: UTF8.self), llmCallID: callID, runID: calls.recorder.runID))
            calls.recorder.totals.rowsWritten += 1
            calls.recorder.count("scored")
            summary.scored += 1
            summary.valueSum += Self.storedValue(parsed.value)
        case .failure(let failure):
            calls.recorder.count("unparseable")
            summary.unparseable += 1
            guard warnings < Self.warningLimit else { return }
            warnings += 1
            var reason = failure.reason
            if response.finishReason == "length" { reason += " (the reply was cut off at max_tokens)" }
            let shown = response.content.replacingOccurrences(of: "\n", with: " ").prefix(100)
            context.printError("warning: \(subject.label): reply not scored: \(reason): \"\(shown)\"")
        }
    }

    /// The model's 1–10 score is stored as is: it already lies on the table's 0–10 scale, and a judge's 7
    /// then means 7 to `export --min-score` too. (0 is left for the heuristic's "nothing there".)
    static func storedValue(_ raw: Double) -> Double { raw }
}
