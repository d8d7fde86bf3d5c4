/// Why a model-calling command stopped: the one vocabulary of every model command's summary (`stopped` in
/// `--json`). Anything but `completed` leaves work for a rerun, which continues from the `llm_calls` ledger.
public enum ModelCallStop: String, Codable, Sendable, CaseIterable {
    /// Everything asked for was done (or the command reached its target).
    case completed
    /// `--max-cost` refused to start the next call.
    case maxCost = "max-cost"
    /// Ctrl-C (SIGINT) or SIGTERM; calls in flight finished and were recorded.
    case interrupted
    /// The command gave up because rounds of calls produced nothing usable (e.g. generate: no candidate accepted).
    case noProgress = "no-progress"
    /// A failure that every further request would repeat (context length, 401, 403, 404) ended the run.
    case failed
    /// `--batch --no-wait`: calls wait in a Batch API batch; a rerun (or `dsbench batch collect`) collects them.
    case batchPending = "batch-pending"
}
