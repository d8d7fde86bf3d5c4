import Foundation
import LLM

/// The closing line of a model-calling command, as text or JSON (`--json`), printed in every mode.
struct RunSummary {
    var command: String
    var fields: [(String, Any)] = []

    init(command: String) { self.command = command }

    mutating func add(_ key: String, _ value: Any) { fields.append((key, value)) }

    func text(_ phrase: String) -> String { "\(command): \(phrase)" }

    func json() -> String {
        var object: [String: Any] = ["command": command]
        for (key, value) in fields { object[key] = value }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// The fields every model-calling command reports: calls, failures, cache hits, tokens, cost, run, time
    /// and why it stopped early (if it did).
    mutating func addCallTotals(
        meter: CostMeter, progress: LLMProgress, runID: Int64, stopReason: BlockingCallRunner.StopReason?
    ) {
        add("calls", meter.calls)
        add("failed_calls", meter.failures)
        add("cache_hits", progress.cached)
        add("prompt_tokens", meter.usage.promptTokens)
        add("completion_tokens", meter.usage.completionTokens)
        add("cost_usd", meter.spent)
        add("run_id", runID)
        add("seconds", (progress.elapsed * 1000).rounded() / 1000)
        add("stopped", stopReason.map { "\($0)" } ?? NSNull())
    }

    /// "12,345 tokens, $0.0123" style money/tokens text.
    static func money(_ value: Double) -> String { String(format: "$%.4f", value) }
}
