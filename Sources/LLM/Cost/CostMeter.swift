/// Adds up tokens and dollars of a run and enforces `--max-cost`: a call may start only while the money
/// spent plus the worst-case cost reserved for calls in flight stays within the budget.
public struct CostMeter: Hashable, Sendable {
    /// Budget in USD; nil means unlimited.
    public var budget: Double?
    public private(set) var spent: Double = 0
    public private(set) var reserved: Double = 0
    public private(set) var usage: TokenUsage = .zero
    public private(set) var calls = 0
    public private(set) var failures = 0

    public init(budget: Double? = nil) {
        self.budget = budget
    }

    /// True once the spent amount reaches the budget.
    public var isExhausted: Bool {
        guard let budget else { return false }
        return spent >= budget
    }

    /// Reserve `estimate` dollars for a call about to start; false (and nothing reserved) if that
    /// would exceed the budget.
    public mutating func reserve(_ estimate: Double) -> Bool {
        if let budget, spent + reserved + estimate > budget { return false }
        reserved += estimate
        return true
    }

    /// Give back a reservation for a call that will not be made as reserved (e.g. a batch line sent live instead).
    public mutating func release(_ reservation: Double) {
        reserved = max(0, reserved - reservation)
    }

    /// Record a finished call, releasing its reservation. Cached answers cost nothing and are not counted as calls.
    public mutating func record(_ outcome: LLMCallOutcome, cost: Double?, reservation: Double = 0) {
        reserved = max(0, reserved - reservation)
        if outcome.fromCache { return }
        calls += 1
        if !outcome.succeeded { failures += 1 }
        usage = usage + outcome.usage
        spent += cost ?? 0
    }
}
