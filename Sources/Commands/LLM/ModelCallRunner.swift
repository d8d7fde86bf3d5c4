import Foundation
import LLM
import Store

/// The one path every model call of every command takes: answer from the `llm_calls` ledger what it already
/// holds, send the rest through a `ModelCallSender` with `--concurrency` calls in flight, write each call's
/// `llm_calls` row in one transaction with the rows the caller derives from it, keep `--max-cost`, stop on
/// Ctrl-C or a failure every request would repeat, drive the progress line, and add up one `ModelCallSummary`.
///
/// Usage — a command's `run()`:
/// ```swift
/// try ModelCallRunner.record(
///     database, arguments: arguments, settings: settings /* Encodable: the command's effective options */,
///     options: llm, sampling: sampling /* EffectiveSampling: what each call type sends */,
///     endpoint: endpoint, template: "my-template@1", context: context, plannedCalls: targets.count
/// ) { runner in                                  // inside an open `runs` row (runner.recorder)
///     let calls = targets.map { ModelCall(request(for: $0), purpose: "my-purpose") }
///     let stop = try runner.run(calls) { result in  // on this thread, in the call's transaction
///         guard let response = result.response else { return }   // failure already recorded and counted
///         try MyStore(runner.database).insert(…, llmCallID: result.callID, runID: runner.recorder.runID)
///     }
///     // stop: .completed, or .maxCost / .interrupted / .failed (sticky: later `run` calls send nothing)
///     return MyReport(…)                          // a `ModelCallReport`: Encodable + `text`
/// }
/// ```
/// `record` prints `command: <report.text>; <calls>` or, with `--json`, one object holding the report's keys
/// next to `calls, cached, failed, prompt_tokens, completion_tokens, cost_usd, stopped, run_id, seconds`; then
/// it throws `CommandError.interrupted` (exit 130) or `.failed` (exit 1) when the run did not complete.
///
/// Writers run on the owner thread only (the sender's child tasks never touch the database). Several `run`
/// batches may be made in one run (evolve: rewrites, then gain checks, then answers); totals accumulate.
/// A command that gives up on its own calls `runner.halt(.noProgress, message:)`. `--dry-run` builds the same
/// calls and hands them to `ModelCallRunner.printDryRun(calls, report:…)`, which sends and writes nothing.
final class ModelCallRunner {
    let database: Database
    let recorder: RunRecorder
    let progress: LLMProgress
    private let sender: any ModelCallSender
    private let endpointHost: String
    private let prices: PriceTable
    private let gate: BudgetGate
    private let useCache: Bool
    private let concurrency: Int
    private let interrupt: InterruptSignal
    private let store: LLMCallStore
    private var cached = 0
    /// Set with `--batch`: uncached calls go through the provider's Batch API first.
    private var batchStage: BatchStage?
    /// Set once a batch stops early; later batches send nothing.
    private(set) var stopped: ModelCallStop = .completed
    /// Why the run failed or made no progress, with the server's message and a hint, for the error line.
    private(set) var stopMessage: String?
    /// The last failure a call ended with, for messages such as "no progress; last error: …".
    private(set) var lastFailure: String?
    /// Sent calls that ended, after their retries, in a failure of the retried kinds (connection error, timeout,
    /// 408/409/429/5xx): the server, not the prompt, was the trouble.
    private var serverFailures = 0

    init(
        database: Database, recorder: RunRecorder, sender: any ModelCallSender, endpointHost: String,
        options: LLMOptions, prices: PriceTable, progress: LLMProgress, interrupt: InterruptSignal
    ) {
        self.database = database
        self.recorder = recorder
        self.sender = sender
        self.endpointHost = endpointHost
        self.prices = prices
        self.gate = BudgetGate(budget: options.maxCost)
        self.useCache = !options.noCache
        self.concurrency = sender.capacity ?? options.concurrency
        self.interrupt = interrupt
        self.progress = progress
        self.store = LLMCallStore(database)
    }

    /// Opens a run, gives `body` a runner, prints the closing summary (report + call totals) and closes the
    /// run: succeeded, interrupted (rethrown as `CommandError.interrupted`) or failed (`CommandError.failed`
    /// carrying the stop message). `sender` defaults to an `LLMClient` for `endpoint` with the options' retries
    /// and timeout.
    static func record<Report: ModelCallReport, Settings: Encodable>(
        _ database: Database, arguments: ParsedArguments, settings: Settings, options: LLMOptions, sampling: EffectiveSampling,
        endpoint: EndpointConfiguration, template: String, context: CommandContext, plannedCalls: Int = 0, json: Bool? = nil,
        sender: (any ModelCallSender)? = nil, run body: (ModelCallRunner) throws -> Report
    ) throws {
        let json = json ?? options.json
        let prices = try PriceSettings.load(database)
        if options.maxCost != nil, prices.price(for: endpoint.model) == nil {
            context.printError(
                "warning: --max-cost cannot be enforced: no price for model '\(endpoint.model)'; set one with 'dsbench config price \(endpoint.model) IN OUT'")
        }
        let progress = LLMProgress(
            label: arguments.commandName, total: plannedCalls, sink: context.stderr,
            enabled: context.stderrIsTerminal && !json)
        let endpoints = sender == nil ? try options.endpointSet(environment: context.environment, database: database) : nil
        let sender = sender ?? options.makeSender(endpoints ?? EndpointSet(endpoint))
        if let fleet = sender as? EndpointFleet { progress.note = { Self.fleetNote(fleet.status) } }
        try RunRecorder.record(
            database, arguments: arguments, options: RunOptions(settings: settings, llm: options, sampling: sampling), model: endpoint.model,
            endpointHost: endpoints?.hosts ?? endpoint.host, template: template
        ) { recorder in
            let runner = ModelCallRunner(
                database: database, recorder: recorder, sender: sender,
                endpointHost: endpoint.host, options: options, prices: prices, progress: progress,
                interrupt: context.interrupt)
            if let batch = options.batch {
                runner.batchStage = BatchStage(
                    database: database, recorder: recorder, command: arguments.commandName, endpoint: endpoint,
                    options: batch, prices: prices, progress: progress, interrupt: context.interrupt,
                    useLedger: !options.noCache)
            }
            let report = try body(runner)
            runner.failIfEveryCallFailed()
            progress.finish()
            let output = ModelCommandOutput(
                command: arguments.commandName, report: report, calls: runner.summary, runID: recorder.runID,
                seconds: progress.elapsed)
            context.print(output.rendered(json: json))
            try runner.throwUnlessCompleted()
        }
    }

    /// Call totals so far, with the stop reason.
    var summary: ModelCallSummary {
        let meter = gate.snapshot
        return ModelCallSummary(
            calls: meter.calls, cached: cached, failed: meter.failures, promptTokens: meter.usage.promptTokens,
            completionTokens: meter.usage.completionTokens, costUSD: meter.spent, stopped: stopped)
    }

    /// Makes `calls`: ledger answers first, then the network. `write` gets each result on this thread inside
    /// the transaction that records its `llm_calls` row; a throw rolls both back, stops the batch and is
    /// rethrown. Raise `stop` from `write` to end the batch early without it counting as a stop (a target was
    /// reached): unsent calls are then simply not made. Returns `.completed` or why the run stopped.
    @discardableResult
    func run(_ calls: [ModelCall], stop: StopSignal = StopSignal(), write: (ModelCallResult) throws -> Void) throws
        -> ModelCallStop
    {
        guard stopped == .completed else { return stopped }
        let hashes = calls.map { sender.hash(of: $0.request) }
        progress.total = max(progress.total, progress.done + calls.count)
        var pending: [Int] = []
        var notStarted = 0
        for index in calls.indices {
            if stop.isStopped { break }
            if let answer = try cachedOutcome(calls[index], hash: hashes[index]) {
                try database.transaction {
                    let callID = try record(calls[index], hash: hashes[index], answer.outcome, cachedID: answer.id)
                    try write(ModelCallResult(index: index, outcome: answer.outcome, callID: callID))
                }
            } else {
                pending.append(index)
            }
        }
        if let batchStage, !stop.isStopped && !interrupt.isRequested && !pending.isEmpty {
            pending = try answerThroughBatches(calls, hashes: hashes, pending: pending, stage: batchStage, write: write)
        }
        if !stop.isStopped && !interrupt.isRequested && !pending.isEmpty {
            let reservations = pending.map { reservation(for: calls[$0].request) }
            let gate = gate
            var pool = BlockingCallRunner(sender: sender, concurrency: concurrency, interrupt: interrupt)
            pool.onIdle = { [progress] in progress.draw() }
            let stopping = StoppingFailures(pending.map { Self.size(of: calls[$0].request) })
            notStarted = try pool.run(
                pending.map { calls[$0].request }, stop: stop, reserve: { gate.reserve(reservations[$0]) },
                endsBatch: { stopping.stopsRun($1, position: $0) != nil }
            ) { position, outcome in
                let index = pending[position]
                try database.transaction {
                    let callID = try record(calls[index], hash: hashes[index], outcome, reservation: reservations[position])
                    try write(ModelCallResult(index: index, outcome: outcome, callID: callID))
                }
                if let failure = stopping.stopsRun(outcome, position: position), stopped == .completed {
                    stopped = .failed
                    stopMessage = "\(calls[index].purpose) call failed with \(failure.description); calls in flight were finished, no more were sent"
                    stop.stop()
                }
            }
        }
        if stopped == .completed {
            if interrupt.isRequested {
                stopped = .interrupted
            } else if notStarted > 0 && gate.budgetReached {
                // Calls were left unsent because the budget refused them (not because the caller's target was
                // reached: then the batch is complete even if the money ran out with its last call).
                let meter = gate.snapshot
                if meter.calls == 0, let budget = meter.budget, let cheapest = pending.map({ reservation(for: calls[$0].request) }).min() {
                    // Not one call fits the budget: a rerun would stop the same way, so this is no place to
                    // "rerun to continue".
                    stopped = .failed
                    stopMessage = "--max-cost \(ModelCallSummary.money(budget)) is below the worst case of a single call "
                        + "(\(ModelCallSummary.money(cheapest)): its prompt plus max_tokens at the model's price), so nothing "
                        + "was sent: raise --max-cost or lower --max-tokens"
                } else {
                    stopped = .maxCost
                }
            }
        }
        return stopped
    }

    /// A run in which calls were sent and every one of them failed on the server's side (nothing listens at
    /// `--base-url`, so each call ends in a connection error after its retries; or every call gets a 5xx)
    /// produced nothing: it fails with the last error instead of closing as a success. Failures particular to
    /// a prompt (a 400 content rejection, an unusable reply) do not count: a rerun cannot fix those.
    func failIfEveryCallFailed() {
        let totals = summary
        guard stopped == .completed, totals.calls > 0, serverFailures == totals.calls else { return }
        halt(.failed, message: "all \(totals.calls) calls failed; last error: \(lastFailure ?? "unknown")")
    }

    /// Estimated tokens of a request as the server counts it against the context: prompt plus `max_tokens`.
    static func size(of request: LLMRequest) -> Int {
        TokenEstimator.estimatePrompt(of: request)
            + (request.parameters.maxTokens ?? DryRunEstimate.assumedCompletionTokens)
    }

    /// Decides which failures end a batch. 401/403/404 always do. A context-length 400 does when the failing
    /// request is not much longer than the shortest of its batch (so the others would overflow too, as with
    /// generate's equally long prompts); one prompt far longer than the rest (a long seed in evolve) fails
    /// alone and the others are still sent.
    struct StoppingFailures: Sendable {
        let sizes: [Int]
        let shortest: Int

        init(_ sizes: [Int]) {
            self.sizes = sizes
            shortest = sizes.min() ?? 0
        }

        /// How much longer than the shortest request a request must be for its overflow to be its own.
        static let outlierFactor = 1.5

        func stopsRun(_ outcome: LLMCallOutcome, position: Int) -> RunStoppingFailure? {
            guard let failure = outcome.failure.flatMap(RunStoppingFailure.init) else { return nil }
            if failure.status == 400, Double(sizes[position]) > Double(shortest) * Self.outlierFactor { return nil }
            return failure
        }
    }

    /// `--batch`: hands the uncached calls to the Batch API stage, writes the answers its collected lines give
    /// (their `llm_calls` rows exist already, at the batch price), and returns the calls still to send live.
    /// Calls left waiting in a batch stop the run as `.batchPending` (or `.interrupted`).
    private func answerThroughBatches(
        _ calls: [ModelCall], hashes: [String], pending: [Int], stage: BatchStage, write: (ModelCallResult) throws -> Void
    ) throws -> [Int] {
        let items = pending.map { BatchStage.Item(request: calls[$0].request, purpose: calls[$0].purpose, hash: hashes[$0]) }
        // --max-cost: a request enters a batch only with its worst case (at the batch price) reserved.
        var reserved: [String: Double] = [:]
        let outcome = try stage.process(items) { item in
            let amount = reservation(for: item.request, batch: true)
            guard gate.reserve(amount) else { return false }
            reserved[item.hash, default: 0] += amount
            return true
        }
        var live: [Int] = []
        var waiting = false
        for index in pending {
            let hash = hashes[index]
            if outcome.live.contains(hash) {
                // Sent live now: the live call reserves for itself.
                gate.release(reserved.removeValue(forKey: hash) ?? 0)
                live.append(index)
            } else if let answer = outcome.answers[hash], case .success = answer.result {
                let result = LLMCallOutcome(
                    request: calls[index].request, result: answer.result, attempts: 1, latencyMilliseconds: 0,
                    httpStatus: answer.httpStatus, responseBody: answer.body, usage: answer.usage,
                    endpointHost: endpointHost)
                try database.transaction {
                    gate.record(result, cost: answer.cost, reservation: reserved.removeValue(forKey: hash) ?? 0)
                    progress.record(succeeded: true, fromCache: false, tokens: answer.usage.totalTokens, cost: answer.cost ?? 0)
                    try write(ModelCallResult(index: index, outcome: result, callID: answer.callID))
                }
            } else if outcome.refused.contains(hash) {
                continue
            } else if let cachedAnswer = try cachedOutcome(calls[index], hash: hash) {
                try database.transaction {
                    let callID = try record(calls[index], hash: hash, cachedAnswer.outcome, cachedID: cachedAnswer.id)
                    try write(ModelCallResult(index: index, outcome: cachedAnswer.outcome, callID: callID))
                }
            } else {
                waiting = true
            }
        }
        if !outcome.refused.isEmpty && stopped == .completed {
            stopped = .maxCost
        }
        if waiting && stopped == .completed && !interrupt.isRequested {
            stopped = .batchPending
            stopMessage = "calls wait in a Batch API batch; rerun the command or run 'dsbench batch collect' to continue"
        }
        return live
    }

    /// Ends the run early for a reason the caller found (e.g. `.noProgress`); `message` becomes the error.
    func halt(_ reason: ModelCallStop, message: String) {
        guard stopped == .completed else { return }
        stopped = reason
        stopMessage = message
    }

    /// Throws for a run that did not complete: interrupted (exit 130) or failed/no-progress (exit 1).
    /// A `--max-cost` stop is not an error: the work done is kept and a rerun continues.
    func throwUnlessCompleted() throws {
        switch stopped {
        case .completed, .maxCost, .batchPending: return
        case .interrupted: throw CommandError.interrupted
        case .failed, .noProgress: throw CommandError.failed(stopMessage ?? "the run stopped (\(stopped.rawValue))")
        }
    }

    /// `--dry-run`: prints what `calls` would cost without sending or writing anything — calls the ledger would
    /// answer are counted apart — in the same two forms as `record` (`dry_run: true`, `completion_tokens_max`).
    static func printDryRun<Report: ModelCallReport>(
        _ calls: [ModelCall], report: Report, database: Database, arguments: ParsedArguments, options: LLMOptions,
        endpoint: EndpointConfiguration, context: CommandContext, json: Bool? = nil, sender: (any ModelCallSender)? = nil
    ) throws {
        // Hash as the run would: an endpoint set keys requests by `EndpointSet.hashIdentity`.
        let client = sender
            ?? options.makeSender((try? options.endpointSet(environment: context.environment, database: database)) ?? EndpointSet(endpoint))
        let store = LLMCallStore(database)
        var uncached: [LLMRequest] = []
        var hits = 0
        for call in calls {
            if !options.noCache, try store.succeededCall(hash: client.hash(of: call.request)) != nil {
                hits += 1
            } else {
                uncached.append(call.request)
            }
        }
        let estimate = DryRunEstimate(
            requests: uncached, cachedCount: hits, prices: try PriceSettings.load(database), batch: options.batch != nil)
        let output = DryRunOutput(command: arguments.commandName, report: report, estimate: estimate, model: endpoint.model)
        context.print(output.rendered(json: json ?? options.json))
    }

    // MARK: - Ledger

    private func cachedOutcome(_ call: ModelCall, hash: String) throws -> (outcome: LLMCallOutcome, id: Int64)? {
        guard useCache, let row = try store.succeededCall(hash: hash) else { return nil }
        let cached = CachedResponse(
            content: row.content, finishReason: row.finishReason,
            usage: TokenUsage(promptTokens: row.promptTokens, completionTokens: row.completionTokens, estimated: row.usageEstimated),
            rawBody: row.response, callID: row.id)
        return (cached.outcome(for: call.request), row.id)
    }

    /// Worst-case USD of a call (prompt estimate + `max_tokens`), reserved against `--max-cost` while in flight.
    private func reservation(for request: LLMRequest, batch: Bool = false) -> Double {
        let estimate = TokenUsage(
            promptTokens: TokenEstimator.estimatePrompt(of: request),
            completionTokens: request.parameters.maxTokens ?? DryRunEstimate.assumedCompletionTokens, estimated: true)
        return prices.cost(of: estimate, model: request.model, batch: batch) ?? 0
    }

    /// The only writer of `llm_calls` rows for sent calls. Updates budget, run totals and progress; a cached
    /// answer writes nothing and returns the answering row's id.
    private func record(
        _ call: ModelCall, hash: String, _ outcome: LLMCallOutcome, cachedID: Int64? = nil, reservation: Double = 0
    ) throws -> Int64? {
        // An endpoint with its own model answers as that model: cost and ledger name the model that answered.
        let model = outcome.fromCache ? call.request.model : outcome.request.model
        let cost = outcome.fromCache ? 0 : prices.cost(of: outcome.usage, model: model)
        gate.record(outcome, cost: cost, reservation: reservation)
        progress.record(
            succeeded: outcome.succeeded, fromCache: outcome.fromCache,
            tokens: outcome.fromCache ? 0 : outcome.usage.totalTokens, cost: cost ?? 0)
        if outcome.fromCache {
            cached += 1
            recorder.count("cache_hits")
            return cachedID
        }
        var row = LLMCallStore.NewCall(
            requestHash: hash, purpose: call.purpose, endpoint: call.request.endpointKind, model: model,
            requestJSON: call.request.jsonString(), succeeded: outcome.succeeded, runID: recorder.runID)
        row.endpointHost = outcome.endpointHost ?? endpointHost
        row.endpointURL = outcome.endpointURL
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
        recorder.addCall(outcome.usage, cost: cost)
        if let failure = outcome.failure {
            lastFailure = failure.description
            if failure.isRetryable { serverFailures += 1 }
            recorder.count("failed_calls")
        }
        if outcome.usage.estimated { recorder.count("estimated_usage_calls") }
        return id
    }

    /// The progress line's note for an endpoint set: endpoints out of service and requests held by a rate limit.
    static func fleetNote(_ status: EndpointFleet.Status) -> String? {
        var parts: [String] = []
        let out = status.out.filter { $0 }.count
        if out > 0 { parts.append("\(out)/\(status.out.count) endpoints out") }
        if status.waitingOnLimit > 0 { parts.append("waiting on rate limit (\(status.waitingOnLimit))") }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }

    static func parametersJSON(_ parameters: SamplingParameters) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return (try? encoder.encode(parameters)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
