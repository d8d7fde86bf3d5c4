import Foundation
import LLM

/// What a model command's `--dry-run` prints: the command's report next to the estimated calls, tokens and
/// cost (`cost_usd` is null when the model has no price), as one JSON object or one line.
struct DryRunOutput<Report: ModelCallReport>: Encodable {
    var command: String
    var report: Report
    var estimate: DryRunEstimate
    var model: String

    enum CodingKeys: String, CodingKey {
        case command, model, calls, cached, batch
        case dryRun = "dry_run"
        case promptTokens = "prompt_tokens"
        case completionTokensMax = "completion_tokens_max"
        case costUSD = "cost_usd"
    }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command, forKey: .command)
        try container.encode(true, forKey: .dryRun)
        try container.encode(model, forKey: .model)
        try container.encode(estimate.calls, forKey: .calls)
        try container.encode(estimate.cachedCalls, forKey: .cached)
        try container.encode(estimate.promptTokens, forKey: .promptTokens)
        try container.encode(estimate.completionTokens, forKey: .completionTokensMax)
        try container.encode(estimate.cost, forKey: .costUSD)
        try container.encode(estimate.batch, forKey: .batch)
    }

    var text: String {
        var line = "\(command): dry run: "
        if !report.text.isEmpty { line += report.text + ", " }
        line += "\(estimate.calls) calls"
        if estimate.cachedCalls > 0 { line += " (\(estimate.cachedCalls) more answered from llm_calls)" }
        line += ", ~\(estimate.promptTokens) prompt tokens, ≤ \(estimate.completionTokens) completion tokens, "
        line += estimate.cost.map { "≤ " + ModelCallSummary.money($0) + (estimate.batch ? " at the batch price" : "") }
            ?? "unknown cost (no price for \(model); set one with 'dsbench config price \(model) IN OUT')"
        return line
    }

    func rendered(json: Bool) -> String { json ? JSONOutput.line(self) : text }
}
