import Dispatch

/// Runs async work on its own threads instead of Swift's cooperative pool.
///
/// Commands are synchronous: the owner thread blocks while LLM calls run. If that thread were one of the
/// pool's (as in tests, where the pool has one thread per core), the calls it waits for could starve behind
/// it. Work preferring this executor never needs a pool thread, so the wait can always be served.
final class DedicatedTaskExecutor: TaskExecutor, @unchecked Sendable {
    // @unchecked: the only state is a DispatchQueue, which is thread-safe.
    private let queue = DispatchQueue(label: "dsbench.llm-calls", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
