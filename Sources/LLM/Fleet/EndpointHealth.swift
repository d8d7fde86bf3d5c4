/// Whether an endpoint may take requests. A connection failure (refused, reset, dropped) takes it out at once;
/// a run of `outAfter` server failures (5xx, timeouts) in a row does too. Out of service it waits a back-off
/// period (doubling from `initialBackoff` to `maxBackoff`), then takes one probe request: success brings it
/// back, failure sends it out again for twice as long. Times are seconds on a monotonic clock.
public struct EndpointHealth: Hashable, Sendable {
    public let initialBackoff: Double
    public let maxBackoff: Double
    public let outAfter: Int
    /// False for a lone endpoint: taking it out would only stall the run, so a dropped connection counts like
    /// any other failure (toward `outAfter`) and the request itself backs off.
    public let connectionTakesOut: Bool
    /// Server failures in a row.
    public private(set) var failureStreak = 0
    /// Set while out of service: the time the next probe may go.
    public private(set) var outUntil: Double?
    /// Back-off to use at the next take-out.
    public private(set) var nextBackoff: Double

    public init(initialBackoff: Double = 1, maxBackoff: Double = 30, outAfter: Int = 3, connectionTakesOut: Bool = true) {
        self.initialBackoff = initialBackoff
        self.maxBackoff = maxBackoff
        self.outAfter = max(1, outAfter)
        self.connectionTakesOut = connectionTakesOut
        self.nextBackoff = initialBackoff
    }

    /// The failure kinds that count against an endpoint (a request's own 4xx does not).
    public enum Failure: Sendable {
        /// could not connect, or the connection broke
        case connection
        /// 5xx or timeout
        case server
    }

    /// True while out of service (a probe is due once `now` passes `outUntil`).
    public var isOut: Bool { outUntil != nil }

    /// May a request be sent now? `outstanding` is the number in flight: a probe goes alone.
    public func accepts(now: Double, outstanding: Int) -> Bool {
        guard let outUntil else { return true }
        return now >= outUntil && outstanding == 0
    }

    public mutating func failed(_ failure: Failure, now: Double) {
        failureStreak += 1
        if (failure == .connection && connectionTakesOut) || failureStreak >= outAfter || isOut {
            outUntil = now + nextBackoff
            nextBackoff = min(maxBackoff, nextBackoff * 2)
        }
    }

    /// The rules for a set of `count` endpoints: take-outs and back-off when there is somewhere else to go; for
    /// a lone endpoint never (each request backs off by itself, as a single client does).
    public static func forSet(of count: Int) -> EndpointHealth {
        count > 1 ? EndpointHealth() : EndpointHealth(outAfter: Int.max, connectionTakesOut: false)
    }

    public mutating func succeeded() {
        failureStreak = 0
        outUntil = nil
        nextBackoff = initialBackoff
    }
}
