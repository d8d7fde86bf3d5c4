/// What one round of `dsbench evolve` did in this run.
struct EvolveRoundSummary: Sendable {
    var round: Int
    /// Evolutions the round plans (parents × K).
    var planned = 0
    /// Planned evolutions already finished by an earlier run.
    var alreadyDone = 0
    /// New evolved rows written in this run.
    var evolved = 0
    /// New rows that survived every check.
    var survived = 0
    /// Eliminations in this run by filter name (a row eliminated by two rules counts under both).
    var eliminated: [String: Int] = [:]
    /// Evolutions that produced no row (the model call failed); their parents are retried next round.
    var failedCalls = 0
    var llmCalls = 0
    var promptTokens = 0
    var completionTokens = 0
    var costUSD = 0.0
    /// Why the round ended before its work was done (`max-cost`, `interrupted`), nil when it finished.
    var stopped: String?

    /// One line for the terminal.
    var line: String {
        var parts = ["round \(round): \(evolved) evolved", "\(eliminatedTotal) eliminated"]
        if !eliminated.isEmpty {
            parts[1] += " (" + eliminated.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        if failedCalls > 0 { parts.append("\(failedCalls) failed calls") }
        if alreadyDone > 0 { parts.append("\(alreadyDone) already done") }
        parts.append("\(promptTokens + completionTokens) tokens")
        parts.append(String(format: "$%.4f", costUSD))
        if let stopped { parts.append("stopped early (\(stopped)); rerun to continue") }
        return parts.joined(separator: ", ")
    }

    var eliminatedTotal: Int { eliminated.values.reduce(0, +) }

    /// The summary as a JSON object literal.
    var json: String {
        let reasons = eliminated.sorted { $0.key < $1.key }.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ")
        return "{\"round\": \(round), \"planned\": \(planned), \"already_done\": \(alreadyDone), "
            + "\"evolved\": \(evolved), \"survived\": \(survived), \"eliminated\": {\(reasons)}, "
            + "\"failed_calls\": \(failedCalls), \"llm_calls\": \(llmCalls), \"prompt_tokens\": \(promptTokens), "
            + "\"completion_tokens\": \(completionTokens), \"cost_usd\": \(costUSD), "
            + "\"stopped\": \(stopped.map { "\"\($0)\"" } ?? "null")}"
    }
}

import Foundation
