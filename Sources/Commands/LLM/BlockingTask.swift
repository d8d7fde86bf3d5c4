import Dispatch
import Synchronization

/// Runs one piece of async work (a Batch API request) to completion from the synchronous owner thread, on
/// `DedicatedTaskExecutor` so that the wait never holds a thread the work itself needs.
enum BlockingTask {
    static func run<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let result = Mutex<Result<T, any Error>?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached(executorPreference: DedicatedTaskExecutor()) {
            do {
                let value = try await work()
                result.withLock { $0 = .success(value) }
            } catch {
                result.withLock { $0 = .failure(error) }
            }
            done.signal()
        }
        done.wait()
        return try result.withLock { $0! }.get()
    }
}
