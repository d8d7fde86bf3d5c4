import LLM
import Synchronization

/// The `--max-cost` budget shared by the task that starts calls (reserves) and the owner that records them.
final class BudgetGate: Sendable {
    private let meter: Mutex<CostMeter>
    private let refused = Atomic<Bool>(false)

    init(budget: Double?) {
        meter = Mutex(CostMeter(budget: budget))
    }

    /// Reserve a call's worst-case cost; false once the budget would be exceeded.
    func reserve(_ amount: Double) -> Bool {
        let granted = meter.withLock { $0.reserve(amount) }
        if !granted { refused.store(true, ordering: .relaxed) }
        return granted
    }

    /// Gives back a reservation without recording a call.
    func release(_ amount: Double) {
        meter.withLock { $0.release(amount) }
    }

    func record(_ outcome: LLMCallOutcome, cost: Double?, reservation: Double) {
        meter.withLock { $0.record(outcome, cost: cost, reservation: reservation) }
    }

    /// True when a call was refused for lack of budget.
    var budgetReached: Bool { refused.load(ordering: .relaxed) || meter.withLock { $0.isExhausted } }

    var snapshot: CostMeter { meter.withLock { $0 } }
}
