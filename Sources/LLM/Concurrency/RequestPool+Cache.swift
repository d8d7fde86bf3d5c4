extension RequestPool {
    /// Sends one request per job through `client`, answering from `cache` first: a job whose request hash
    /// is cached is handled at once with a `fromCache` outcome and makes no HTTP request. `handle` gets the
    /// job, its outcome and its request hash, in the caller's isolation, one at a time.
    @discardableResult
    public static func send<Job: Sendable>(
        _ jobs: [Job],
        client: LLMClient,
        cache: (any ResponseCache)? = nil,
        concurrency: Int,
        stop: StopSignal = StopSignal(),
        isolation: isolated (any Actor)? = #isolation,
        request makeRequest: (Job) -> LLMRequest,
        shouldStart: (Job) -> Bool = { _ in true },
        handle: (Job, LLMCallOutcome, String) async throws -> Void
    ) async throws -> Summary {
        var pending: [PendingCall<Job>] = []
        var answeredFromCache = 0
        for job in jobs {
            let request = makeRequest(job)
            let hash = client.hash(of: request)
            if let cache, let cached = try cache.cachedResponse(forHash: hash) {
                try await handle(job, cached.outcome(for: request), hash)
                answeredFromCache += 1
            } else {
                pending.append(PendingCall(job: job, request: request, hash: hash))
            }
        }
        var summary = try await run(
            jobs: pending, concurrency: concurrency, stop: stop,
            shouldStart: { shouldStart($0.job) },
            perform: { call in await client.send(call.request) },
            handle: { call, outcome in try await handle(call.job, outcome, call.hash) })
        summary.delivered += answeredFromCache
        return summary
    }

    /// A job with its prepared request and hash, carried into the child task.
    struct PendingCall<Job: Sendable>: Sendable {
        var job: Job
        var request: LLMRequest
        var hash: String
    }
}
