/// A token bucket (the classic traffic-shaping meter): holds up to `capacity` tokens, refills continuously at
/// `capacity / period` per second, and a sender takes tokens before it sends. Used per endpoint for `--rpm`
/// (one token per request) and `--tpm` (estimated tokens per request, corrected by the response's `usage`).
/// Time is passed in (seconds on any monotonic clock) so the bucket is a pure value.
public struct TokenBucket: Hashable, Sendable {
    /// Most tokens the bucket holds: the per-period limit.
    public let capacity: Double
    /// Tokens added per second.
    public let refillPerSecond: Double
    /// Tokens now (may go negative after a correction: the debt is paid by refill before the next take).
    public private(set) var level: Double
    private var updatedAt: Double

    /// A full bucket of `limit` tokens per `period` seconds (60 for per-minute limits).
    public init(limit: Double, period: Double = 60, now: Double) {
        capacity = max(1, limit)
        refillPerSecond = capacity / max(period, 0.001)
        level = capacity
        updatedAt = now
    }

    /// Refill for the time passed since the last update.
    public mutating func refill(now: Double) {
        guard now > updatedAt else { return }
        level = min(capacity, level + (now - updatedAt) * refillPerSecond)
        updatedAt = now
    }

    /// Seconds from `now` until `amount` tokens are available (0 when they are). Amounts above the capacity
    /// are treated as the capacity, so one oversized request waits for a full bucket instead of forever.
    public func wait(for amount: Double, now: Double) -> Double {
        var copy = self
        copy.refill(now: now)
        let needed = min(amount, capacity) - copy.level
        return needed <= 0 ? 0 : needed / refillPerSecond
    }

    /// Takes `amount` tokens if available now; false (nothing taken) otherwise.
    public mutating func take(_ amount: Double, now: Double) -> Bool {
        refill(now: now)
        let cost = min(amount, capacity)
        guard level >= cost else { return false }
        level -= cost
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
