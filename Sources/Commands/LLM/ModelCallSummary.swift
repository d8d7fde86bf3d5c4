import Foundation

/// The call totals every model command reports, with the same keys in `--json` (snake_case below) and the
/// same words on the terminal. Built by `ModelCallRunner`; decodable so tests and scripts read one shape.
public struct ModelCallSummary: Codable, Hashable, Sendable {
    /// Calls sent over the network in this run (failed ones included; cached answers excluded).
    public var calls: Int
    /// Calls answered from the `llm_calls` ledger instead of the network.
    public var cached: Int
    /// Sent calls that ended without a usable response.
    public var failed: Int
    /// Tokens reported by the server (or estimated when it reported none), summed over sent calls.
    public var promptTokens: Int
    public var completionTokens: Int
    /// US dollars spent on sent calls at the configured prices (0 when the model has no price).
    public var costUSD: Double
    public var stopped: ModelCallStop

    enum CodingKeys: String, CodingKey {
        case calls, cached, failed, stopped
        case promptTokens = "prompt_tokens"
        case completionTokens = "completion_tokens"
        case costUSD = "cost_usd"
    }

    public init(
        calls: Int = 0, cached: Int = 0, failed: Int = 0, promptTokens: Int = 0, completionTokens: Int = 0,
        costUSD: Double = 0, stopped: ModelCallStop = .completed
    ) {
        self.calls = calls
        self.cached = cached
        self.failed = failed
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.costUSD = costUSD
        self.stopped = stopped
    }

    /// "12 calls (1 failed, 3 cached), 4,096 tokens, $0.0123" (the totals, without the stop reason).
    var text: String {
        "\(calls) calls (\(failed) failed, \(cached) cached), \(promptTokens + completionTokens) tokens, "
            + Self.money(costUSD)
    }

    /// "; stopped early (max-cost); rerun to continue" when the run stopped early, else "": it closes the
    /// summary line, after the wall time.
    var stopText: String {
        stopped == .completed ? "" : "; stopped early (\(stopped.rawValue)); rerun to continue"
    }

    /// The change from `earlier` to this summary (a round's share of a run).
    func since(_ earlier: ModelCallSummary) -> ModelCallSummary {
        ModelCallSummary(
            calls: calls - earlier.calls, cached: cached - earlier.cached, failed: failed - earlier.failed,
            promptTokens: promptTokens - earlier.promptTokens, completionTokens: completionTokens - earlier.completionTokens,
            costUSD: costUSD - earlier.costUSD, stopped: stopped)
    }

    static func money(_ value: Double) -> String { String(format: "$%.4f", value) }
}
