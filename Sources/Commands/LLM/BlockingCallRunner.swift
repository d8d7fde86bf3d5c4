import Foundation
import LLM
import Synchronization

/// Bridges the synchronous command world to the async sender: calls run in a background task group with a
/// sliding window, and each outcome is handed back to the calling thread, which alone touches the database.
/// Used only by `ModelCallRunner`. Raising `stop` (Ctrl-C, a run-stopping failure, the caller's target) or a
/// refused budget reservation stops new calls; calls in flight still finish and are handled.
struct BlockingCallRunner {
    let sender: any ModelCallSender
    let concurrency: Int
    let interrupt: InterruptSignal
    /// Called on the calling thread about every 0.1 s while no result arrives (to redraw progress).
    var onIdle: () -> Void = {}

    /// Sends `requests`; `handle(index, outcome)` runs on the calling thread as results arrive, and a throw
    /// from it stops the batch and is rethrown. `reserve(index)` is asked before each start (the budget).
    /// An outcome for which `endsBatch` is true raises `stop` as it arrives, before the pool could start
    /// another call. Returns the number of requests never started.
    func run(
        _ requests: [LLMRequest], stop: StopSignal, reserve: @escaping @Sendable (Int) -> Bool,
        endsBatch: @escaping @Sendable (Int, LLMCallOutcome) -> Bool, handle: (Int, LLMCallOutcome) throws -> Void
    ) throws -> Int {
        guard !requests.isEmpty else { return 0 }
        let channel = OutcomeChannel<(Int, LLMCallOutcome)>()
        let notStarted = Mutex(0)
        let sender = sender, width = concurrency
        let task = Task.detached(executorPreference: DedicatedTaskExecutor()) {
            let summary = try? await RequestPool.run(
                jobs: Array(requests.indices), concurrency: width, stop: stop,
                shouldStart: { reserve($0) },
                perform: { index in await sender.send(requests[index]) },
                handle: { index, outcome in
                    if endsBatch(index, outcome) { stop.stop() }
                    channel.push((index, outcome))
                })
            notStarted.withLock { $0 = summary?.notStarted ?? 0 }
            channel.finish()
        }
        var failure: (any Error)?
        loop: while true {
            let next = channel.next(timeout: 0.1)
            // Checked on every pass, not only when the channel is quiet: outcomes that arrive faster than the
            // timeout must not hide a Ctrl-C until the batch is done.
            if interrupt.isRequested { stop.stop() }
            switch next {
            case .item(let (index, outcome)):
                guard failure == nil else { continue }
                do {
                    try handle(index, outcome)
                } catch {
                    failure = error
                    stop.stop()
                }
            case .timedOut:
                onIdle()
            case .finished:
                break loop
            }
        }
        _ = task
        if let failure { throw failure }
        return notStarted.withLock { $0 }
    }
}
