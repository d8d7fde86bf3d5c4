import Foundation
import LLM
import Store

/// The owner-side bookkeeping of a model-calling run: prepares requests (hash, budget reservation), answers
/// repeats from `llm_calls`, writes one `llm_calls` row per real call, and keeps run totals, budget and
/// progress in step. Used only on the thread that owns the database.
final class LLMCallLedger {
    let database: Database
    let recorder: RunRecorder
    let endpoint: EndpointConfiguration
    let client: LLMClient
    let prices: PriceTable
    let gate: BudgetGate
    let progress: LLMProgress
    let useCache: Bool
    private let store: LLMCallStore
    private let cache: LLMCallCache

    init(
        database: Database, recorder: RunRecorder, endpoint: EndpointConfiguration, options: LLMOptions,
        prices: PriceTable, progress: LLMProgress
    ) {
        self.database = database
        self.recorder = recorder
        self.endpoint = endpoint
        self.client = options.makeClient(endpoint)
        self.prices = prices
        self.gate = BudgetGate(budget: options.maxCost)
        self.progress = progress
        self.useCache = !options.noCache
        self.store = LLMCallStore(database)
        self.cache = LLMCallCache(store: store)
    }

    /// True when `--max-cost` is set but the model has no price, so the budget cannot be enforced.
    func budgetUnenforceable(model: String) -> Bool {
        gate.snapshot.budget != nil && prices.price(for: model) == nil
    }

    func prepare(_ request: LLMRequest, purpose: String) -> PreparedCall {
        let estimate = TokenUsage(
            promptTokens: TokenEstimator.estimatePrompt(of: request),
            completionTokens: request.parameters.maxTokens ?? DryRunEstimate.assumedCompletionTokens, estimated: true)
        return PreparedCall(
            request: request, hash: client.hash(of: request), purpose: purpose,
            reservation: prices.cost(of: estimate, model: request.model) ?? 0)
    }

    /// A succeeded earlier call with the same hash, unless `--no-cache`.
    func cachedOutcome(_ call: PreparedCall) throws -> (LLMCallOutcome, Int64?)? {
        guard useCache, let cached = try cache.cachedResponse(forHash: call.hash) else { return nil }
        return (cached.outcome(for: call.request), cached.callID)
    }

    /// Records an outcome: a new `llm_calls` row for a real call (the cached row's id for a cache hit),
    /// budget, run totals and progress. Call inside the transaction that writes the derived rows.
    @discardableResult
    func record(_ call: PreparedCall, _ outcome: LLMCallOutcome, cachedID: Int64? = nil) throws -> Int64? {
        let cost = outcome.fromCache ? 0 : prices.cost(of: outcome.usage, model: call.request.model)
        gate.record(outcome, cost: cost, reservation: outcome.fromCache ? 0 : call.reservation)
        progress.record(
            succeeded: outcome.succeeded, fromCache: outcome.fromCache, tokens: outcome.fromCache ? 0 : outcome.usage.totalTokens,
            cost: cost ?? 0)
        if outcome.fromCache {
            recorder.count("cache_hits")
            return cachedID
        }
        var row = LLMCallStore.NewCall(
            requestHash: call.hash, purpose: call.purpose, endpoint: call.request.endpointKind, model: call.request.model,
            requestJSON: call.request.jsonString(), succeeded: outcome.succeeded, runID: recorder.runID)
        row.endpointHost = endpoint.host
        row.parametersJSON = Self.parametersJSON(call.request.parameters)
        row.response = outcome.responseBody
        row.content = outcome.response?.content
        row.finishReason = outcome.response?.finishReason
        if outcome.succeeded {
            row.promptTokens = outcome.usage.promptTokens
            row.completionTokens = outcome.usage.completionTokens
            row.usageEstimated = outcome.usage.estimated
            row.costUSD = cost
        }
        row.latencyMilliseconds = outcome.latencyMilliseconds
        row.attempts = outcome.attempts
        row.httpStatus = outcome.httpStatus
        row.error = outcome.failure.map { "\($0)" }
        let id = try store.insert(row)
        recorder.totals.llmCalls += 1
        recorder.totals.promptTokens += outcome.usage.promptTokens
        recorder.totals.completionTokens += outcome.usage.completionTokens
        recorder.totals.costUSD += cost ?? 0
        if !outcome.succeeded { recorder.count("failed_calls") }
        if outcome.usage.estimated { recorder.count("estimated_usage_calls") }
        return id
    }

    static func parametersJSON(_ parameters: SamplingParameters) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(parameters)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// A runner bound to this ledger's client and budget.
    func runner(concurrency: Int, interrupt: InterruptSignal) -> BlockingCallRunner {
        BlockingCallRunner(client: client, concurrency: concurrency, interrupt: interrupt, gate: gate)
    }
}
