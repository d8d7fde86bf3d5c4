/// `generate --method magpie`'s own part of its summary (the call totals come from `ModelCallSummary`).
struct MagpieReport: ModelCallReport {
    var method = "magpie"
    var template: String
    /// `openai` (/v1/completions) or `ollama` (/api/generate, raw).
    var rawEndpoint: String
    var accepted = 0
    var acceptedTotal: Int
    var target: Int
    /// Samples settled with a failing filter in this run, by filter (magpie-runon, magpie-duplicate, …).
    var rejected: [String: Int] = [:]
    /// Share of first-turn queries that passed the other filters but repeated an earlier one.
    var duplicateRate = 0.0
    /// Samples left unsettled by a failed call (a rerun retries them).
    var failedSamples = 0
    /// Conversations that finished after the target was reached: not stored, their calls kept in the ledger.
    var beyondTarget = 0
    /// Samples planned (dry run).
    var plannedSamples: Int?

    enum CodingKeys: String, CodingKey {
        case method, template, accepted, target, rejected
        case rawEndpoint = "raw_endpoint"
        case acceptedTotal = "accepted_total"
        case duplicateRate = "duplicate_rate"
        case failedSamples = "failed_samples"
        case beyondTarget = "beyond_target"
        case plannedSamples = "planned_samples"
    }

    var text: String {
        let via = "template \(template) via \(rawEndpoint == "ollama" ? "/api/generate (raw)" : "/v1/completions")"
        if let plannedSamples {
            return "about \(plannedSamples) samples to reach \(target) (assuming \(Int(MagpieRun.assumedYield * 100))% pass); \(via)"
        }
        if accepted == 0 && acceptedTotal >= target && rejected.isEmpty {
            return "the database already holds \(acceptedTotal) accepted Magpie conversations from template \(template) (target \(target)); nothing to do"
        }
        let rejectedText = rejected.isEmpty ? "0 rejected" :
            "\(rejected.values.reduce(0, +)) rejected (" + rejected.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ") + ")"
        return "\(accepted) accepted (\(acceptedTotal)/\(target)), \(rejectedText), duplicate rate \(String(format: "%.1f%%", duplicateRate * 100))"
            + (beyondTarget > 0 ? ", \(beyondTarget) past the target not stored (kept in the ledger)" : "") + "; \(via)"
    }
}
