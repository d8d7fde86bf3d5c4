/// Runs many calls with at most `concurrency` in flight (a sliding window in a task group).
/// Child tasks only do HTTP and return Sendable outcomes; every outcome is handed to `handle`, which runs
/// in the caller's isolation one at a time, so the caller alone writes to its database.
public enum RequestPool {
    /// Summary of a pool run.
    public struct Summary: Hashable, Sendable {
        public init(delivered: Int, notStarted: Int) {
            self.delivered = delivered
            self.notStarted = notStarted
        }

        /// Jobs whose call was started and delivered.
        public var delivered: Int
        /// Jobs never started because `stop` was raised or `shouldStart` said no.
        public var notStarted: Int
    }

    /// - Parameters:
    ///   - jobs: work items, started in order.
    ///   - concurrency: calls in flight at most (≥ 1).
    ///   - stop: raised from anywhere to stop starting new jobs; in-flight ones finish.
    ///   - shouldStart: asked on the caller before each start (e.g. the cost budget); false stops the run.
    ///   - perform: the call itself, run in a child task (HTTP only, no shared mutable state).
    ///   - handle: receives each job with its outcome as it arrives; throwing cancels the in-flight calls.
    @discardableResult
    public static func run<Job: Sendable, Outcome: Sendable>(
        jobs: [Job],
        concurrency: Int,
        stop: StopSignal = StopSignal(),
        isolation: isolated (any Actor)? = #isolation,
        shouldStart: (Job) -> Bool = { _ in true },
        perform: @escaping @Sendable (Job) async -> Outcome,
        handle: (Job, Outcome) async throws -> Void
    ) async throws -> Summary {
        let width = max(1, concurrency)
        var next = 0
        var delivered = 0
        var stopped = false
        try await withThrowingTaskGroup(of: (Int, Outcome).self) { group in
            func startNext() -> Bool {
                guard !stopped, next < jobs.count else { return false }
                if stop.isStopped || !shouldStart(jobs[next]) {
                    stopped = true
                    return false
                }
                let index = next
                let job = jobs[index]
                next += 1
                group.addTask { (index, await perform(job)) }
                return true
            }
            var running = 0
            while running < width, startNext() { running += 1 }
            while running > 0, let (index, outcome) = try await group.next() {
                running -= 1
                try await handle(jobs[index], outcome)
                delivered += 1
                if startNext() { running += 1 }
            }
        }
        return Summary(delivered: delivered, notStarted: jobs.count - next)
    }
}
