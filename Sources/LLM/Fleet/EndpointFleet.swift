import Foundation
import Synchronization

/// Sends requests over an `EndpointSet`: each request goes to the endpoint with the fewest outstanding
/// requests per unit of weight that has a free slot (`--concurrency` per endpoint, lowered by runs of 429s)
/// and room in its `--rpm`/`--tpm` buckets. An attempt that fails for the endpoint's sake (connection, 5xx,
/// timeout) or is rate limited is re-sent, preferably elsewhere; an endpoint that keeps failing is taken out
/// for a back-off period and probed later (`EndpointHealth`). A request fails only after
/// `retryPolicy.maxRetries + 1` attempts plus one per extra endpoint, so a run finishes while one endpoint works.
///
/// The outcome names the endpoint that answered (`endpointURL`, `endpointHost`). Requests to an endpoint with
/// its own model are sent with that model name (the outcome's request carries it). `hash(of:)` uses
/// `EndpointSet.hashIdentity`, so which server answers does not change the ledger key.
public final class EndpointFleet: Sendable {
    public let endpoints: EndpointSet
    public let limits: EndpointLimits
    public let retryPolicy: RetryPolicy
    private let clients: [LLMClient]
    private let state: Mutex<State>
    private let clock = ContinuousClock()
    private let origin: ContinuousClock.Instant

    private struct State {
        var router: FleetRouter
        var waiters: [Int: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter = 0
        /// Waiters held by a rate limit (not just busy or failing endpoints), for the progress line.
        var limitedWaiters: Set<Int> = []
    }

    /// - Parameters:
    ///   - limits: per endpoint; total requests in flight is at most `concurrency × endpoints`.
    ///   - health: take-out and back-off rules (tests shorten the back-off).
    public init(
        endpoints: EndpointSet, limits: EndpointLimits, retryPolicy: RetryPolicy = .standard, timeout: Double = 60,
        health: EndpointHealth = EndpointHealth()
    ) {
        self.endpoints = endpoints
        self.limits = limits
        self.retryPolicy = retryPolicy
        clients = endpoints.members.map {
            LLMClient(
                configuration: $0.configuration, retryPolicy: RetryPolicy(maxRetries: 0), timeout: timeout,
                maxConnections: limits.concurrency)
        }
        origin = clock.now
        state = Mutex(State(router: FleetRouter(
            weights: endpoints.members.map(\.weight), limits: limits, health: health, now: 0)))
    }

    /// The ledger key: request body plus `EndpointSet.hashIdentity`.
    public func hash(of request: LLMRequest) -> String {
        request.hash(endpointIdentity: endpoints.hashIdentity)
    }

    /// A snapshot for progress lines and tests.
    public struct Status: Sendable {
        /// Requests answered per endpoint, in set order.
        public var answered: [Int]
        /// Endpoints currently out of service.
        public var out: [Bool]
        /// Current adaptive concurrency limit per endpoint.
        public var concurrency: [Int]
        /// Requests held by a rate limit at this moment.
        public var waitingOnLimit: Int
    }

    public var status: Status {
        state.withLock { s in
            Status(
                answered: s.router.lanes.map(\.answered), out: s.router.lanes.map(\.health.isOut),
                concurrency: s.router.lanes.map(\.concurrency.limit), waitingOnLimit: s.limitedWaiters.count)
        }
    }

    /// Sends one request, re-routing failed attempts; never throws.
    public func send(_ request: LLMRequest) async -> LLMCallOutcome {
        let started = clock.now
        let estimate = TokenEstimator.estimatePrompt(of: request)
            + (request.parameters.maxTokens ?? DryRunEstimate.assumedCompletionTokens) * max(1, request.parameters.n ?? 1)
        let maxAttempts = retryPolicy.maxRetries + endpoints.members.count
        var attempts = 0
        var avoid: Int?
        var last: LLMCallOutcome?
        while attempts < maxAttempts, !Task.isCancelled {
            let endpoint = await acquire(estimatedTokens: estimate, avoid: avoid)
            attempts += 1
            let member = endpoints.members[endpoint].configuration
            var routed = request
            routed.model = member.model
            var outcome = await clients[endpoint].send(routed)
            let settlement = settlement(of: outcome, retryIndex: attempts - 1)
            settle(endpoint, settlement, estimatedTokens: estimate)
            outcome.attempts = attempts
            outcome.latencyMilliseconds = Self.milliseconds(clock.now - started)
            last = outcome
            guard !outcome.succeeded, let failure = outcome.failure, RetryPolicy.shouldRetry(failure, headers: outcome.responseHeaders)
            else { return outcome }
            avoid = endpoint
            // With nowhere else to go, back off before trying the same server again (a 429 has paused it already).
            if case .rateLimited = settlement {} else if !hasAlternative(to: endpoint) {
                let wait = retryPolicy.delay(retryIndex: attempts - 1, headers: outcome.responseHeaders, jitter: Double.random(in: 0...1))
                try? await Task.sleep(for: .milliseconds(Int(wait * 1000)))
            }
        }
        return last ?? LLMCallOutcome(
            request: request, result: .failure(.cancelled), attempts: attempts, latencyMilliseconds: 0,
            httpStatus: nil, responseBody: nil, usage: .zero)
    }

    /// True when another endpoint than `endpoint` is in service.
    private func hasAlternative(to endpoint: Int) -> Bool {
        state.withLock { s in s.router.lanes.indices.contains { $0 != endpoint && !s.router.lanes[$0].health.isOut } }
    }

    private func settlement(of outcome: LLMCallOutcome, retryIndex: Int) -> CallSettlement {
        switch outcome.result {
        case .success:
            return .succeeded(tokens: outcome.usage.totalTokens, headers: outcome.responseHeaders)
        case .failure(let failure):
            switch failure {
            case .http(429, _):
                let pause = retryPolicy.delay(
                    retryIndex: retryIndex, headers: outcome.responseHeaders, jitter: Double.random(in: 0...1))
                return .rateLimited(pause: pause, headers: outcome.responseHeaders)
            case .http(let status, _) where status >= 500 || status == 408:
                return .endpointFailed(.server)
            case .timeout:
                return .endpointFailed(.server)
            case .transport:
                return .endpointFailed(.connection)
            case .http, .badResponse, .cancelled:
                return .requestFailed
            }
        }
    }

    private var now: Double {
        let elapsed = clock.now - origin
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    private func acquire(estimatedTokens: Int, avoid: Int?) async -> Int {
        while true {
            var chosen: Int?
            await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                let wake: (id: Int, at: Double?)? = state.withLock { s in
                    switch s.router.acquire(estimatedTokens: estimatedTokens, now: now, avoid: avoid) {
                    case .send(let index):
                        chosen = index
                        return nil
                    case .wait(let until, let limited):
                        let id = s.nextWaiter
                        s.nextWaiter += 1
                        s.waiters[id] = continuation
                        if limited { s.limitedWaiters.insert(id) }
                        return (id, until)
                    }
                }
                guard let wake else {
                    continuation.resume()
                    return
                }
                if let at = wake.at {
                    let seconds = max(0, at - now)
                    Task { [self] in
                        try? await Task.sleep(for: .milliseconds(Int((seconds * 1000).rounded(.up)) + 1))
                        resume(wake.id)
                    }
                }
            }
            if let chosen { return chosen }
        }
    }

    private func resume(_ id: Int) {
        let continuation = state.withLock { s in
            s.limitedWaiters.remove(id)
            return s.waiters.removeValue(forKey: id)
        }
        continuation?.resume()
    }

    private func settle(_ endpoint: Int, _ settlement: CallSettlement, estimatedTokens: Int) {
        let waiting = state.withLock { s -> [CheckedContinuation<Void, Never>] in
            s.router.settle(endpoint, settlement, estimatedTokens: estimatedTokens, now: now)
            let all = Array(s.waiters.values)
            s.waiters.removeAll()
            s.limitedWaiters.removeAll()
            return all
        }
        for continuation in waiting { continuation.resume() }
    }

    private static func milliseconds(_ duration: Duration) -> Int {
        Int(duration.components.seconds * 1000 + duration.components.attoseconds / 1_000_000_000_000_000)
    }
}
