import Foundation
import LLM
import Store

/// `dsbench batch`: the Batch API submissions recorded in `batches` — list them (`status`), collect finished
/// ones into `llm_calls` (`collect`; rerunning the submitting command does the same and continues its work),
/// or cancel one (`cancel ID`, by local id or provider batch id).
public struct BatchCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "batch",
        abstract: "List, collect or cancel Batch API submissions (made with --batch).",
        discussion: """
            Model commands given --batch send their calls as a Batch API batch and record it in the batches \
            table. 'batch status' lists every batch with its state and counts, refreshing unfinished ones from \
            the provider. 'batch collect' downloads the output and error files of finished batches and writes \
            one llm_calls row per request at the batch price, so rerunning the command answers from the ledger. \
            'batch cancel ID' asks the provider to cancel a batch. The provider's key comes from the same \
            variables as for live calls (OPENAI_API_KEY, DASHSCOPE_API_KEY); local servers need none.
            """,
        arguments: [
            ArgumentSpec("action", help: "status | collect | cancel"),
            ArgumentSpec("id", help: "For cancel: the batch (local id or provider batch id)", optional: true),
        ],
        options: [
            .flag("--no-refresh", help: "status: show what is recorded without asking the provider."),
            .flag("--json", help: "Print JSON lines (status) or a JSON summary."),
        ],
        examples: ["dsbench batch status", "dsbench batch collect", "dsbench batch cancel batch_abc123"])

    enum Action: Equatable {
        case status, collect
        case cancel(String)
    }

    let action: Action
    let refresh: Bool
    let json: Bool
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        let values = arguments.positionals
        json = arguments.flag("json")
        refresh = !arguments.flag("no-refresh")
        self.arguments = arguments
        switch values.first {
        case "status", "collect":
            guard values.count == 1 else { throw UsageError("'batch \(values[0])' takes no further arguments") }
            action = values[0] == "status" ? .status : .collect
        case "cancel":
            guard values.count == 2 else { throw UsageError("usage: dsbench batch cancel ID") }
            action = .cancel(values[1])
        case let other?:
            throw UsageError("unknown batch action '\(other)'; expected 'status', 'collect' or 'cancel'")
        case nil:
            throw UsageError("missing action; expected 'status', 'collect' or 'cancel'")
        }
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        switch action {
        case .status:
            if refresh { try collect(database, context: context, collecting: false) }
            try printStatus(database, context: context)
        case .collect:
            let written = try collect(database, context: context, collecting: true)
            context.print(json ? JSONOutput.line(["collected_calls": written]) : "batch: \(written) llm_calls rows collected")
        case .cancel(let reference):
            guard let record = try BatchStore(database).find(reference) else {
                throw CommandError.failed("no batch '\(reference)'; see 'dsbench batch status'")
            }
            let client = BatchClient(configuration: try endpoint(of: record, context: context))
            var providerBatchID = record.providerBatchID
            if providerBatchID == nil, record.collectedAt == nil {
                // Never confirmed as submitted: the provider may still have it (the command died after the
                // create); otherwise there is nothing to cancel remotely, so close the row here.
                let key = record.submissionKey
                providerBatchID = (try? BlockingTask.run { try await client.find(key: key) })??.id
                if providerBatchID == nil {
                    try BatchStore(database).closeLocally(
                        record.id, state: BatchState.cancelled.rawValue, reason: "cancelled before it was submitted")
                    context.print("batch \(record.id): cancelled (never submitted; closed locally)")
                    return
                }
            }
            guard let providerID = providerBatchID else {
                throw CommandError.failed("batch \(record.id) was never submitted and is closed (\(record.state))")
            }
            let job = try BlockingTask.run { try await client.cancel(providerID) }
            try BatchStore(database).update(
                record.id, providerBatchID: job.id, state: job.state.rawValue, outputFileID: job.outputFileID,
                errorFileID: job.errorFileID, completed: job.completed, failed: job.failed, errors: job.errors)
            context.print("batch \(providerID): \(job.state.rawValue)")
        }
    }

    /// Refreshes (and, when `collecting`, collects) the uncollected batches, endpoint by endpoint, in one run.
    @discardableResult
    private func collect(_ database: Database, context: CommandContext, collecting: Bool) throws -> Int {
        let open = try BatchStore(database).uncollected()
        guard !open.isEmpty else { return 0 }
        let prices = try PriceSettings.load(database)
        return try RunRecorder.record(database, arguments: arguments) { recorder in
            var written = 0
            var seen: Set<String> = []
            for record in open where seen.insert(record.endpointURL).inserted {
                let endpoint: EndpointConfiguration
                do {
                    endpoint = try self.endpoint(of: record, context: context)
                } catch where !collecting {
                    context.stderr.write("warning: \(error)\n")
                    continue
                }
                let stage = BatchStage(
                    database: database, recorder: recorder, command: record.command, endpoint: endpoint,
                    options: BatchOptions(wait: false, retry: .live, pollInterval: 0), prices: prices,
                    progress: LLMProgress(label: "batch", total: 0, sink: context.stderr, enabled: false),
                    interrupt: context.interrupt)
                if collecting {
                    written += try stage.collectFinished().count
                } else {
                    // status lists every batch: one that cannot be refreshed is shown as recorded, with a warning.
                    written += try stage.refresh { record, error in
                        context.stderr.write("warning: batch \(record.id) not refreshed: \(error)\n")
                    }.count
                }
            }
            return written
        }
    }

    private func endpoint(of record: BatchRecord, context: CommandContext) throws -> EndpointConfiguration {
        do {
            return try EndpointConfiguration.resolve(baseURL: record.endpointURL, model: record.model, environment: context.environment)
        } catch {
            throw CommandError.failed("batch \(record.id) (\(record.endpointURL)): \(error.description)")
        }
    }

    private func printStatus(_ database: Database, context: CommandContext) throws {
        let records = try BatchStore(database).all()
        if json {
            for record in records {
                context.print(JSONOutput.line(BatchStatusLine(record)))
            }
            return
        }
        guard !records.isEmpty else {
            context.print("no batches; send calls with --batch on generate, complete, evolve or score")
            return
        }
        let rows = records.map { record -> [String] in
            [String(record.id), record.providerBatchID ?? "-", record.command, record.model, record.state,
             "\(record.completedCount)/\(record.failedCount)/\(record.requestCount)",
             record.collectedAt == nil ? "no" : "yes", String(record.createdAt.prefix(19))]
        }
        context.stdout.write(ResultPrinter.table(
            columns: ["id", "batch", "command", "model", "state", "done/failed/total", "collected", "created"], rows: rows))
    }
}
