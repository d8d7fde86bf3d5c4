/// Concurrency that backs off under rate limiting and recovers (additive increase, multiplicative decrease,
/// as TCP congestion control does): a run of `decreaseAfter` 429 answers in a row halves the limit (never
/// below 1); every `limit` successes in a row raise it by one, up to the configured `ceiling`.
public struct AdaptiveConcurrency: Hashable, Sendable {
    /// The configured `--concurrency`, the most the limit climbs back to.
    public let ceiling: Int
    /// Requests allowed in flight now.
    public private(set) var limit: Int
    /// How many 429s in a row count as a run.
    public let decreaseAfter: Int
    private var rateLimitedStreak = 0
    private var successStreak = 0

    public init(ceiling: Int, decreaseAfter: Int = 2) {
        self.ceiling = max(1, ceiling)
        self.limit = max(1, ceiling)
        self.decreaseAfter = max(1, decreaseAfter)
    }

    /// A 429 answer: counts toward a run, halving the limit when the run is long enough.
    public mutating func rateLimited() {
        successStreak = 0
        rateLimitedStreak += 1
        if rateLimitedStreak >= decreaseAfter {
            limit = max(1, limit / 2)
            rateLimitedStreak = 0
        }
    }

    /// A successful answer: ends a 429 run and, after `limit` of them, allows one more request in flight.
    public mutating func succeeded() {
        rateLimitedStreak = 0
        guard limit < ceiling else { return }
        successStreak += 1
        if successStreak >= limit {
            limit += 1
            successStreak = 0
        }
    }
}
