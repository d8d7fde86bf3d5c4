import Foundation
import LLM

/// Bridges the synchronous command world to the async client: calls run in a background task group with a
/// sliding window, and each outcome is handed back to the calling thread, which alone touches the database.
/// Ctrl-C (the context's interrupt) and the budget stop new calls; calls in flight still finish and are handled.
struct BlockingCallRunner {
    let client: LLMClient
    let concurrency: Int
    let interrupt: InterruptSignal
    let gate: BudgetGate

    /// Why the runner stopped before the end, if it did.
    enum StopReason: Equatable {
        case interrupted, budget, requested
    }

    /// Sends `calls`; `handle(index, outcome)` runs on the calling thread as results arrive. Returns the
    /// number of calls never started and why. `stop` lets the handler end the batch early (target reached).
    func run(
        _ calls: [PreparedCall], stop: StopSignal = StopSignal(), handle: (Int, LLMCallOutcome) throws -> Void
    ) throws -> (notStarted: Int, reason: StopReason?) {
        guard !calls.isEmpty else { return (0, nil) }
        let channel = OutcomeChannel<(Int, LLMCallOutcome)>()
        let notStarted = Mutex(0)
        let client = client, gate = gate, width = concurrency
        let task = Task.detached(executorPreference: DedicatedTaskExecutor()) {
            let summary = try? await RequestPool.run(
                jobs: Array(calls.indices), concurrency: width, stop: stop,
                shouldStart: { gate.reserve(calls[$0].reservation) },
                perform: { index in await client.send(calls[index].request) },
                handle: { index, outcome in channel.push((index, outcome)) })
            notStarted.withLock { $0 = summary?.notStarted ?? 0 }
            channel.finish()
        }
        var failure: (any Error)?
        loop: while true {
            switch channel.next(timeout: 0.1) {
            case .item(let (index, outcome)):
                guard failure == nil else { continue }
                do {
                    try handle(index, outcome)
                } catch {
                    failure = error
                    stop.stop()
                }
            case .timedOut:
                if interrupt.isRequested { stop.stop() }
            case .finished:
                break loop
            }
        }
        _ = task
        if let failure { throw failure }
        let remaining = notStarted.withLock { $0 }
        guard remaining > 0 else { return (0, nil) }
        let reason: StopReason = interrupt.isRequested ? .interrupted : gate.budgetReached ? .budget : .requested
        return (remaining, reason)
    }
}

import Synchronization
