import Curation
import Foundation
import LLM
import Store

/// One `dsbench score --scorer judge|complexity` run: a request per subject through `ModelCallRunner`; each
/// outcome is written in the transaction of its ledger row: a score when the reply parses, a counted warning
/// when it does not.
final class ModelScoringRun {
    /// Warnings about unreadable replies printed per run; the rest are only counted.
    static let warningLimit = 5

    let kind: ModelScorerKind
    let model: String
    let options: LLMOptions
    let context: CommandContext
    private var warnings = 0

    init(kind: ModelScorerKind, model: String, options: LLMOptions, context: CommandContext) {
        self.kind = kind
        self.model = model
        self.options = options
        self.context = context
    }

    /// The call and rendered prompt for each subject.
    func calls(_ subjects: [ScoreSubject]) -> [(call: ModelCall, prompt: ScoringPrompt)] {
        subjects.map { subject in
            let (request, prompt) = kind.request(for: subject, model: model, options: options)
            return (ModelCall(request, purpose: kind.purpose), prompt)
        }
    }

    /// Scores `subjects`, adding the counts to `report`.
    func score(_ subjects: [ScoreSubject], runner: ModelCallRunner, report: inout ModelScoreReport) throws {
        let built = calls(subjects)
        let scores = ScoreStore(runner.database)
        try runner.run(built.map(\.call)) { result in
            guard let response = result.response else { return }
            let subject = subjects[result.index], prompt = built[result.index].prompt
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
                    detail: String(decoding: json, as: UTF8.self), llmCallID: result.callID, runID: runner.recorder.runID))
                runner.recorder.totals.rowsWritten += 1
                runner.recorder.count("scored")
                report.scored += 1
                report.valueSum += Self.storedValue(parsed.value)
            case .failure(let failure):
                runner.recorder.count("unparseable")
                report.unparseable += 1
                guard warnings < Self.warningLimit else { return }
                warnings += 1
                var reason = failure.reason
                if response.finishReason == "length" { reason += " (the reply was cut off at max_tokens)" }
                let shown = response.content.replacingOccurrences(of: "\n", with: " ").prefix(100)
                context.printError("warning: \(subject.label): reply not scored: \(reason): \"\(shown)\"")
            }
        }
    }

    /// The model's 1–10 score is stored as is: it already lies on the table's 0–10 scale, and a judge's 7
    /// then means 7 to `export --min-score` too. (0 is left for the heuristic's "nothing there".)
    static func storedValue(_ raw: Double) -> Double { raw }
}
