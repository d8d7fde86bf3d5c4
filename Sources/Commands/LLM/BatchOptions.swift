/// The Batch API options every model command shares: `--batch` sends the calls as an offline batch at the
/// provider's batch price instead of one request each; the command then waits (`--batch-wait`, the default)
/// or returns at once (`--no-wait`) and a rerun or `dsbench batch collect` picks the results up.
public struct BatchOptions: Sendable, Equatable {
    /// What to do with lines that failed or expired in a batch.
    public enum Retry: String, Sendable {
        /// send them as ordinary requests
        case live
        /// put them in one new batch (what fails there is then sent live)
        case batch
    }

    static let specs: [OptionSpec] = [
        .flag("--batch", help: "Send the calls through the provider's Batch API (results within 24 h, at the batch price)."),
        .flag("--batch-wait", help: "With --batch: wait for the batch, showing its progress, then continue (the default)."),
        .flag("--no-wait", help: "With --batch: submit and return; rerun the command or run 'dsbench batch collect' later."),
        .option("--batch-retry", value: "live|batch", help: "With --batch: resend failed or expired lines live or in a new batch.", default: "live"),
        .option("--batch-poll", value: "seconds", help: "With --batch: seconds between status checks while waiting.", default: "30"),
    ]

    public var wait: Bool
    public var retry: Retry
    /// Seconds between status checks.
    public var pollInterval: Double

    init(wait: Bool, retry: Retry, pollInterval: Double) {
        self.wait = wait
        self.retry = retry
        self.pollInterval = pollInterval
    }

    /// Nil without `--batch`; the batch-only options without it are usage errors.
    init?(arguments: ParsedArguments) throws(UsageError) {
        let batchOnly = ["batch-wait", "no-wait"].filter { arguments.flag($0) }
            + ["batch-retry", "batch-poll"].filter { arguments.string($0) != nil }
        guard arguments.flag("batch") else {
            if let first = batchOnly.first { throw UsageError("--\(first) applies only with --batch") }
            return nil
        }
        if arguments.flag("batch-wait") && arguments.flag("no-wait") {
            throw UsageError("--batch-wait and --no-wait contradict each other; choose one")
        }
        wait = !arguments.flag("no-wait")
        let retryText = arguments.string("batch-retry") ?? "live"
        guard let retry = Retry(rawValue: retryText) else {
            throw UsageError("--batch-retry expects 'live' or 'batch', got '\(retryText)'")
        }
        self.retry = retry
        pollInterval = try arguments.double("batch-poll", in: 0.01...3600) ?? 30
    }
}
