/// The routing state of an endpoint set, as a pure value (time passed in, seconds on a monotonic clock):
/// which endpoint takes the next request, and what each settled attempt teaches about its endpoint.
///
/// An endpoint can take a request when it is in service (`EndpointHealth`), has fewer requests in flight
/// than its adaptive concurrency limit, is not paused by a 429 or exhausted `x-ratelimit-*` window, and its
/// `--rpm`/`--tpm` token buckets hold enough. Among those, the one with the fewest requests outstanding per
/// unit of weight wins (least outstanding requests), preferring endpoints the request has not just failed on.
public struct FleetRouter: Sendable {
    /// One endpoint's state.
    public struct Lane: Sendable {
        public var weight: Double
        public var outstanding = 0
        public var concurrency: AdaptiveConcurrency
        public var health: EndpointHealth
        public var requests: TokenBucket?
        public var tokens: TokenBucket?
        /// No sending before this time (429 pause or an exhausted rate-limit window).
        public var pausedUntil = 0.0
        public var answered = 0
    }

    /// What to do with a request.
    public enum Decision: Equatable, Sendable {
        /// send it to this endpoint (its slot and tokens are taken)
        case send(Int)
        /// nothing can take it now; ask again at `until` (nil: when a request settles). `limited` is true
        /// when a rate limit (not just busy or failing endpoints) is what holds it.
        case wait(until: Double?, limited: Bool)
    }

    public private(set) var lanes: [Lane]

    public init(weights: [Double], limits: EndpointLimits, health: EndpointHealth = EndpointHealth(), now: Double) {
        lanes = weights.map { weight in
            Lane(
                weight: max(weight, 0.000_001), concurrency: AdaptiveConcurrency(ceiling: limits.concurrency),
                health: health,
                requests: limits.requestsPerMinute.map { TokenBucket(limit: Double($0), now: now) },
                tokens: limits.tokensPerMinute.map { TokenBucket(limit: Double($0), now: now) })
        }
    }

    /// Picks an endpoint for a request estimated at `estimatedTokens`, avoiding `avoid` when another can take
    /// it, and takes its slot and bucket tokens; or says how long to wait.
    public mutating func acquire(estimatedTokens: Int, now: Double, avoid: Int? = nil) -> Decision {
        var best: Int?
        var earliest: Double?
        var limited = false
        for index in lanes.indices {
            let lane = lanes[index]
            guard lane.outstanding < lane.concurrency.limit else { continue }
            guard lane.health.accepts(now: now, outstanding: lane.outstanding) else {
                if let outUntil = lane.health.outUntil, lane.outstanding == 0 { earliest = Swift.min(earliest ?? outUntil, outUntil) }
                continue
            }
            var ready = now
            if lane.pausedUntil > now { ready = lane.pausedUntil }
            if let bucket = lane.requests { ready = Swift.max(ready, now + bucket.wait(for: 1, now: now)) }
            if let bucket = lane.tokens { ready = Swift.max(ready, now + bucket.wait(for: Double(estimatedTokens), now: now)) }
            if ready > now {
                limited = true
                earliest = Swift.min(earliest ?? ready, ready)
                continue
            }
            if let current = best {
                if Self.isBetter(index, than: current, lanes: lanes, avoid: avoid) { best = index }
            } else {
                best = index
            }
        }
        guard let chosen = best else { return .wait(until: earliest, limited: limited) }
        lanes[chosen].outstanding += 1
        _ = lanes[chosen].requests?.take(1, now: now)
        _ = lanes[chosen].tokens?.take(Double(estimatedTokens), now: now)
        return .send(chosen)
    }

    private static func isBetter(_ candidate: Int, than current: Int, lanes: [Lane], avoid: Int?) -> Bool {
        if avoid == current && avoid != candidate { return true }
        if avoid == candidate && avoid != current { return false }
        let a = Double(lanes[candidate].outstanding + 1) / lanes[candidate].weight
        let b = Double(lanes[current].outstanding + 1) / lanes[current].weight
        return a < b
    }

    /// Records how an attempt sent to `endpoint` ended and frees its slot. `estimatedTokens` is what
    /// `acquire` took from the token bucket, corrected here by the real usage.
    public mutating func settle(_ endpoint: Int, _ settlement: CallSettlement, estimatedTokens: Int, now: Double) {
        var lane = lanes[endpoint]
        lane.outstanding = Swift.max(0, lane.outstanding - 1)
        switch settlement {
        case .succeeded(let tokens, let headers):
            lane.health.succeeded()
            lane.concurrency.succeeded()
            lane.answered += 1
            lane.tokens?.correct(by: Double(estimatedTokens - tokens), now: now)
            Self.apply(headers: headers, to: &lane, fallback: 1, now: now)
        case .rateLimited(let pause, let headers):
            lane.concurrency.rateLimited()
            lane.pausedUntil = Swift.max(lane.pausedUntil, now + pause)
            Self.apply(headers: headers, to: &lane, fallback: pause, now: now)
        case .endpointFailed(let failure):
            lane.health.failed(failure, now: now)
        case .requestFailed:
            break
        }
        lanes[endpoint] = lane
    }

    /// Honours `x-ratelimit-*`: remaining counts lower the buckets, an exhausted window pauses the endpoint
    /// until its reset (or `fallback` seconds when the reset is missing or unparsable).
    private static func apply(headers: [String: String], to lane: inout Lane, fallback: Double, now: Double) {
        guard let limits = RateLimitHeaders(headers: headers) else { return }
        if let remaining = limits.remainingRequests { lane.requests?.clamp(toAtMost: Double(remaining), now: now) }
        if let remaining = limits.remainingTokens { lane.tokens?.clamp(toAtMost: Double(remaining), now: now) }
        if let pause = limits.pause(fallback: fallback) {
            lane.pausedUntil = Swift.max(lane.pausedUntil, now + pause)
        }
    }
}
