import Dispatch

/// Runs the HTTP tasks of `BlockingCallRunner` on their own dispatch queue instead of the shared cooperative
/// pool: the owner thread blocks while it waits for results, and when that owner is itself a pool thread
/// (tests, embedding) the calls must still make progress.
final class CallThreadExecutor: TaskExecutor {
    private let queue = DispatchQueue(label: "dsbench.llm-calls", attributes: .concurrent)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        let executor = asUnownedTaskExecutor()
        queue.async { job.runSynchronously(on: executor) }
    }
}
