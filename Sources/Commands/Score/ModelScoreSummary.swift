import Foundation

/// The closing report of `dsbench score --scorer judge|complexity`: what was scored, what could not be read,
/// what it cost, and why the run stopped early if it did.
struct ModelScoreSummary {
    var kind: ModelScorerKind
    var model: String
    var selected = 0
    var alreadyScored = 0
    var scored = 0
    var valueSum = 0.0
    var unparseable = 0
    var failedCalls = 0
    var calls = 0
    var cacheHits = 0
    var promptTokens = 0
    var completionTokens = 0
    var costUSD = 0.0
    var seconds = 0.0
    var runID: Int64 = 0
    /// "max-cost" or "interrupted" when calls were left unstarted.
    var stopped: String?
    var notStarted = 0

    var mean: Double { scored == 0 ? 0 : valueSum / Double(scored) }

    var text: String {
        var line = "\(kind.rawValue): scored \(scored) of \(selected - alreadyScored) \(kind.subjectNoun)"
        if scored > 0 { line += ", mean \(String(format: "%.2f", mean))" }
        line += " (model \(model), \(kind.template))"
        if alreadyScored > 0 { line += "; \(alreadyScored) already scored" }
        line += "; \(unparseable) unparseable, \(failedCalls) failed calls"
        line += "; \(calls) calls, \(cacheHits) from cache, \(promptTokens + completionTokens) tokens, "
        line += String(format: "$%.4f, %.1f s", costUSD, seconds)
        if let stopped { line += "; stopped early (\(stopped)): \(notStarted) not sent, rerun to continue" }
        return line
    }

    /// The `--json` form, in the shape the other model-calling commands print (with `"command": "score"`).
    var json: String {
        let object: [String: Any] = [
            "scorer": kind.rawValue, "model": model, "template": kind.template, "selected": selected,
            "already_scored": alreadyScored, "scored": scored, "mean": (mean * 100).rounded() / 100,
            "unparseable": unparseable, "failed_calls": failedCalls, "calls": calls, "cache_hits": cacheHits,
            "prompt_tokens": promptTokens, "completion_tokens": completionTokens, "cost_usd": costUSD,
            "seconds": (seconds * 1000).rounded() / 1000, "run_id": runID, "stopped": stopped ?? NSNull(),
            "not_sent": notStarted,
        ]
        var summary = RunSummary(command: "score")
        for (key, value) in object { summary.add(key, value) }
        return summary.json()
    }
}
