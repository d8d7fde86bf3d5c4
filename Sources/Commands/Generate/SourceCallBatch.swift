import LLM
import Store

/// Sends one batch of model calls for the document and Magpie generators through the shared call path
/// (`LLMCallLedger` + `BlockingCallRunner`): repeats are answered from `llm_calls`, the rest go out with
/// `--concurrency` in flight, and each outcome is recorded in one transaction with the rows `handle` writes.
/// Once the budget or Ctrl-C stops a batch, `stopReason` is set and later batches send nothing.
final class SourceCallBatch {
    let ledger: LLMCallLedger
    let database: Database
    let concurrency: Int
    let interrupt: InterruptSignal
    private(set) var stopReason: BlockingCallRunner.StopReason?

    init(ledger: LLMCallLedger, concurrency: Int, interrupt: InterruptSignal) {
        self.ledger = ledger
        self.database = ledger.database
        self.concurrency = concurrency
        self.interrupt = interrupt
    }

    var stopped: Bool { stopReason != nil }

    /// Sends `requests` (with their `llm_calls.purpose`); `handle(index, outcome, callID)` runs inside the
    /// transaction that records the call.
    func run(_ requests: [(request: LLMRequest, purpose: String)], handle: (Int, LLMCallOutcome, Int64?) throws -> Void) throws {
        guard stopReason == nil else { return }
        if interrupt.isRequested {
            stopReason = .interrupted
            return
        }
        let calls = requests.map { ledger.prepare($0.request, purpose: $0.purpose) }
        var pending: [Int] = []
        for (index, call) in calls.enumerated() {
            if let (outcome, cachedID) = try ledger.cachedOutcome(call) {
                try database.transaction {
                    let id = try ledger.record(call, outcome, cachedID: cachedID)
                    try handle(index, outcome, id)
                }
            } else {
                pending.append(index)
            }
        }
        let result = try ledger.runner(concurrency: concurrency, interrupt: interrupt).run(pending.map { calls[$0] }) { position, outcome in
            let index = pending[position]
            try database.transaction {
                let id = try ledger.record(calls[index], outcome)
                try handle(index, outcome, id)
            }
        }
        if result.reason == .budget || result.reason == .interrupted { stopReason = result.reason }
    }
}
