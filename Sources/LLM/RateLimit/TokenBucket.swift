/// A token bucket (the classic traffic-shaping meter) that paces evenly: it holds at most a short burst
/// (`burst` seconds' worth of the limit, at least one token) and refills continuously, so sending starts at
/// once but never runs ahead of the limit. Used per endpoint for `--rpm` (one token per request) and `--tpm`
/// (estimated tokens per request, corrected by the response's `usage`).
///
/// The refill rate is the limit less the burst (`(limit − (capacity − 1)) / period`), so that in any window of
/// `period` seconds at most `limit` requests start: a full bucket's burst plus a period's refill stays within
/// it (for limits up to one per second per period-second the rate is exactly `limit / period`). A bucket that
/// started full with a whole period's allowance, as before, let about twice the limit out in the first minute.
/// Time is passed in (seconds on any monotonic clock) so the bucket is a pure value.
public struct TokenBucket: Hashable, Sendable {
    /// Most tokens the bucket holds: the burst.
    public let capacity: Double
    /// Tokens added per second.
    public let refillPerSecond: Double
    /// Tokens now (negative after an oversized take or a correction: the debt is paid by refill before the
    /// next take).
    public private(set) var level: Double
    private var updatedAt: Double

    /// A bucket for `limit` tokens per `period` seconds (60 for per-minute limits) holding at most `burst`
    /// seconds' worth (at least 1 token); it starts full.
    public init(limit: Double, period: Double = 60, burst: Double = 1, now: Double) {
        let period = max(period, 0.001)
        capacity = max(1, limit * max(burst, 0) / period)
        refillPerSecond = max(limit - (capacity - 1), 0.001) / period
        level = capacity
        updatedAt = now
    }

    /// Refill for the time passed since the last update.
    public mutating func refill(now: Double) {
        guard now > updatedAt else { return }
        level = min(capacity, level + (now - updatedAt) * refillPerSecond)
        updatedAt = now
    }

    /// Seconds from `now` until `amount` tokens may be taken (0 when they may). An amount above the capacity
    /// waits for a full bucket instead of forever.
    public func wait(for amount: Double, now: Double) -> Double {
        var copy = self
        copy.refill(now: now)
        let needed = min(amount, capacity) - copy.level
        return needed <= 0 ? 0 : needed / refillPerSecond
    }

    /// Takes `amount` tokens if available now; false (nothing taken) otherwise. An amount above the capacity
    /// goes when the bucket is full and leaves it in debt by the excess, so the long-run rate still holds.
    public mutating func take(_ amount: Double, now: Double) -> Bool {
        refill(now: now)
        guard level >= min(amount, capacity) else { return false }
        level -= amount
        return true
    }

    /// Adjusts the level by `delta` tokens: `estimate - actual` after a response reports its real usage.
    public mutating func correct(by delta: Double, now: Double) {
        refill(now: now)
        level = min(capacity, level + delta)
    }

    /// Lowers the level to what the server says remains (`x-ratelimit-remaining-*`); never raises it.
    public mutating func clamp(toAtMost remaining: Double, now: Double) {
        refill(now: now)
        level = min(level, remaining)
    }
}
