/// What one round of `dsbench evolve` did in this run.
struct EvolveRoundSummary: Encodable, Sendable {
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
    /// Evolutions that produced no row or lost their check because the model call failed; their parents are
    /// retried next round.
    var failedEvolutions = 0
    /// The round's share of the run's model calls; `stopped` says why the round ended early, if it did.
    var calls = ModelCallSummary()

    enum CodingKeys: String, CodingKey {
        case round, planned, evolved, survived, eliminated, calls
        case alreadyDone = "already_done"
        case failedEvolutions = "failed_evolutions"
    }

    var stopped: ModelCallStop { calls.stopped }

    /// One line for the terminal.
    var line: String {
        var parts = ["round \(round): \(evolved) evolved", "\(eliminatedTotal) eliminated"]
        if !eliminated.isEmpty {
            parts[1] += " (" + eliminated.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        }
        if failedEvolutions > 0 { parts.append("\(failedEvolutions) failed calls") }
        if alreadyDone > 0 { parts.append("\(alreadyDone) already done") }
        parts.append("\(calls.promptTokens + calls.completionTokens) tokens")
        parts.append(ModelCallSummary.money(calls.costUSD))
        return parts.joined(separator: ", ")
    }

    var eliminatedTotal: Int { eliminated.values.reduce(0, +) }
}
