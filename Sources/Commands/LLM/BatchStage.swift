import Foundation
import LLM
import Store

/// The Batch API step of `ModelCallRunner` (`--batch`): the calls the ledger cannot answer are written as
/// Batch API input files (`BatchFilePlan`: one model and one `url` per file, unique `custom_id` = request
/// hash, split at the provider's limits), uploaded and submitted, and recorded in `batches` before anything is
/// sent, so a command killed at any point never submits the same requests twice: the next run finds its
/// batch by `metadata.dsbench_key`, or finishes the upload and create. Finished batches are collected into
/// `llm_calls` (one row per request, at the batch price, with `batch_id`), in one transaction per batch.
/// Failed or expired lines go live or into one new batch (`--batch-retry`); lines above the per-line limit
/// go live. The stage waits with progress (`--batch-wait`) or returns with work pending (`--no-wait`).
final class BatchStage {
    /// What the stage did for a set of calls.
    struct Outcome {
        /// Calls answered (or failed for good) by lines collected in this run, by request hash.
        var answers: [String: BatchAnswer] = [:]
        /// Hashes to send as ordinary requests (retry live, or too large for a batch line).
        var live: Set<String> = []
        /// True when calls still wait in a batch (`--no-wait`, or the wait was interrupted).
        var pending = false
        /// Hashes `admit` refused (the `--max-cost` budget): not submitted.
        var refused: Set<String> = []
    }

    /// A call the stage is asked to make: its request, purpose and hash.
    struct Item {
        var request: LLMRequest
        var purpose: String
        var hash: String
    }

    let database: Database
    let recorder: RunRecorder
    /// The command submitting (`complete`, …), stored with each batch.
    let command: String
    let endpoint: EndpointConfiguration
    let options: BatchOptions
    let limits: BatchLimits
    let prices: PriceTable
    let progress: LLMProgress
    let interrupt: InterruptSignal
    /// False with `--no-cache`: a request the ledger already answered is submitted again.
    let useLedger: Bool
    private let client: BatchClient
    private let batches: BatchStore
    private let calls: LLMCallStore
    /// Hashes this run already put in a retry batch (each gets one).
    private var retried: Set<String> = []

    init(
        database: Database, recorder: RunRecorder, command: String, endpoint: EndpointConfiguration, options: BatchOptions,
        prices: PriceTable, progress: LLMProgress, interrupt: InterruptSignal, useLedger: Bool = true,
        client: BatchClient? = nil
    ) {
        self.database = database
        self.recorder = recorder
        self.command = command
        self.endpoint = endpoint
        self.options = options
        self.limits = BatchLimits.forHost(endpoint.host)
        self.prices = prices
        self.progress = progress
        self.interrupt = interrupt
        self.useLedger = useLedger
        self.client = client ?? BatchClient(configuration: endpoint)
        self.batches = BatchStore(database)
        self.calls = LLMCallStore(database)
    }

    /// Submits what is not yet in a batch, collects what has finished, and (with `--batch-wait`) waits until
    /// every item is answered, failed for good, or handed back for live sending. `admit` is asked before an
    /// item goes into a new batch (the budget); once it refuses, nothing more is submitted.
    func process(_ items: [Item], admit: (Item) -> Bool = { _ in true }) throws -> Outcome {
        var outcome = Outcome()
        while true {
            outcome.answers.merge(try collectFinished()) { _, new in new }
            let open = try batches.pendingHashes(endpointURL: endpoint.identity)
            var toSubmit: [Item] = []
            var waiting = 0
            var seen: Set<String> = []
            for item in items where seen.insert(item.hash).inserted {
                if outcome.live.contains(item.hash) || outcome.refused.contains(item.hash) { continue }
                if open.contains(item.hash) {
                    waiting += 1
                    continue
                }
                if let answer = outcome.answers[item.hash] {
                    guard case .failure = answer.result else { continue }
                    if options.retry == .batch, retried.insert(item.hash).inserted {
                        toSubmit.append(item)
                    } else {
                        outcome.live.insert(item.hash)
                    }
                    continue
                }
                if try !useLedger || calls.succeededCall(hash: item.hash) == nil {
                    toSubmit.append(item)
                }
            }
            if let firstRefused = toSubmit.firstIndex(where: { !admit($0) }) {
                outcome.refused.formUnion(toSubmit[firstRefused...].map(\.hash))
                toSubmit.removeSubrange(firstRefused...)
            }
            if !toSubmit.isEmpty {
                let submitted = try submit(toSubmit)
                outcome.live.formUnion(submitted.oversized)
                waiting += submitted.count
            }
            guard waiting > 0 else { return outcome }
            guard options.wait, !interrupt.isRequested else {
                outcome.pending = true
                return outcome
            }
            if !pause(options.pollInterval) {
                outcome.pending = true
                return outcome
            }
        }
    }

    // MARK: - Submitting

    /// Records, uploads and creates one batch per input file; returns the requests submitted and those too
    /// large for any batch line.
    private func submit(_ items: [Item]) throws -> (count: Int, oversized: [String]) {
        let purposes = Dictionary(items.map { ($0.hash, $0.purpose) }, uniquingKeysWith: { first, _ in first })
        let plan = BatchFilePlan(items.map { BatchInputLine(customID: $0.hash, request: $0.request) }, limits: limits)
        var count = 0
        for file in plan.files {
            let key = UUID().uuidString.lowercased()
            let id = try database.transaction {
                try batches.insertPreparing(
                    runID: recorder.runID, command: command, endpointURL: endpoint.identity, model: file.model,
                    url: file.url, submissionKey: key,
                    requests: file.lines.map {
                        BatchStore.Request(hash: $0.customID, purpose: purposes[$0.customID] ?? "", requestJSON: $0.request.jsonString())
                    })
            }
            guard let record = try batches.find(String(id)) else { continue }
            try finishSubmission(record, data: file.data)
            count += file.lines.count
        }
        recorder.count("batch_requests_submitted", count)
        return (count, plan.oversized.map(\.customID))
    }

    /// Brings a `preparing` batch to the provider: adopts a batch already created under its key (the command
    /// died after creating it), else uploads the input file if that did not happen, then creates the batch.
    private func finishSubmission(_ record: BatchRecord, data: Data? = nil) throws {
        let client = client
        let key = record.submissionKey
        var fileID = record.inputFileID
        do {
            if let found = try BlockingTask.run({ try await client.find(key: key) }) {
                try store(found, for: record.id)
                return
            }
            if fileID == nil {
                let content = try data ?? inputData(of: record)
                let name = "dsbench-batch-\(record.id).jsonl"
                let uploaded = try BlockingTask.run { try await client.upload(content, filename: name) }
                try batches.setInputFile(record.id, fileID: uploaded)
                fileID = uploaded
            }
        } catch let error as BatchClientError {
            // Nothing reached the provider and it has no Batch API: close the row (kept, as `failed` with the
            // reason, so history shows the attempt) and stop with one line saying what to do instead.
            guard case .noBatchAPI = error, fileID == nil else { throw error }
            try batches.closeLocally(record.id, state: BatchState.failed.rawValue, reason: error.description)
            throw CommandError.failed("--batch: \(endpoint.identity): \(error.description)")
        }
        let input = fileID!
        let url = record.url
        let job = try BlockingTask.run { try await client.create(inputFileID: input, endpoint: url, key: key) }
        try store(job, for: record.id)
    }

    /// The input file rebuilt from `batch_requests` (the stored request JSON is the line's body, byte for byte).
    private func inputData(of record: BatchRecord) throws -> Data {
        var data = Data()
        for request in try batches.requests(of: record.id) {
            data.append(BatchInputLine.jsonLine(customID: request.hash, url: record.url, body: Data(request.requestJSON.utf8)))
            data.append(0x0A)
        }
        return data
    }

    private func store(_ job: BatchJob, for id: Int64) throws {
        try batches.update(
            id, providerBatchID: job.id, state: job.state.rawValue, outputFileID: job.outputFileID,
            errorFileID: job.errorFileID, completed: job.completed, failed: job.failed, errors: job.errors)
    }

    // MARK: - Collecting

    /// Asks the provider about every uncollected batch of this endpoint (finishing interrupted submissions
    /// first) and records what it says; returns the refreshed records.
    /// With `skipping`, a batch that cannot be refreshed is reported to it and left as recorded, so one odd
    /// row never stops the others (`batch status`).
    func refresh(skipping: ((BatchRecord, any Error) -> Void)? = nil) throws -> [BatchRecord] {
        var refreshed: [BatchRecord] = []
        for record in try batches.uncollected() where record.endpointURL == endpoint.identity {
            do {
                if record.providerBatchID == nil {
                    try finishSubmission(record)
                } else if !(BatchState(rawValue: record.state)?.isTerminal ?? false) {
                    let client = client
                    let id = record.providerBatchID!
                    try store(try BlockingTask.run { try await client.retrieve(id) }, for: record.id)
                }
            } catch {
                guard let skipping else { throw error }
                skipping(record, error)
            }
            if let current = try batches.find(String(record.id)) { refreshed.append(current) }
        }
        return refreshed
    }

    /// Refreshes every uncollected batch of this endpoint and collects the finished ones.
    func collectFinished() throws -> [String: BatchAnswer] {
        var answers: [String: BatchAnswer] = [:]
        var notes: [String] = []
        for current in try refresh() {
            if BatchState(rawValue: current.state)?.isTerminal == true {
                answers.merge(try collect(current)) { _, new in new }
            } else {
                notes.append("batch \(current.providerBatchID ?? "?") \(current.state) \(current.completedCount + current.failedCount)/\(current.requestCount)")
            }
        }
        progress.batchNote = notes.isEmpty ? nil : notes.joined(separator: ", ")
        progress.draw()
        return answers
    }

    /// Downloads a finished batch's output and error files and writes one `llm_calls` row per request, all in
    /// one transaction with the batch's `collected_at`. A request without a line (or in a batch that failed
    /// validation) gets a failed row naming why, so each request lands exactly once.
    func collect(_ record: BatchRecord) throws -> [String: BatchAnswer] {
        let client = client
        var lines: [String: BatchResultLine] = [:]
        var invalidLines = 0
        for fileID in [record.outputFileID, record.errorFileID].compactMap({ $0 }) {
            let data = try BlockingTask.run { try await client.content(ofFile: fileID) }
            let parsed = BatchResultLine.parse(data)
            invalidLines += parsed.invalid.count
            for line in parsed.lines where lines[line.customID]?.answered != true { lines[line.customID] = line }
        }
        var answers: [String: BatchAnswer] = [:]
        try database.transaction {
            for request in try batches.requests(of: record.id) {
                let line = lines[request.hash]
                let answer = try write(request, line: line, batch: record)
                answers[request.hash] = answer
            }
            try batches.markCollected(record.id)
            if invalidLines > 0 { recorder.count("batch_unreadable_lines", invalidLines) }
        }
        return answers
    }

    private func write(_ request: BatchStore.Request, line: BatchResultLine?, batch: BatchRecord) throws -> BatchAnswer {
        let object = (try? JSONSerialization.jsonObject(with: Data(request.requestJSON.utf8))) as? [String: Any] ?? [:]
        let model = object["model"] as? String ?? batch.model
        var row = LLMCallStore.NewCall(
            requestHash: request.hash, purpose: request.purpose, endpoint: object["messages"] != nil ? "chat" : "completions",
            model: model, requestJSON: request.requestJSON, succeeded: false, runID: recorder.runID)
        row.endpointHost = endpoint.host
        row.endpointURL = endpoint.identity
        row.batchID = batch.id
        row.parametersJSON = Self.parametersJSON(object)
        row.httpStatus = line?.statusCode
        row.response = line?.body
        var result: Result<LLMResponse, LLMFailure>
        var usage = TokenUsage.zero
        var cost: Double?
        if let line, line.answered, let body = line.body {
            result = ResponseParser.parse(Data(body.utf8))
        } else if let line {
            result = .failure(.badResponse("batch line failed: \(line.error ?? "no response")"))
        } else {
            let why = batch.errors.map { "batch \(batch.state): \($0)" } ?? "no line for this request in the batch's output or error file (batch \(batch.state))"
            result = .failure(.badResponse(why))
        }
        if case .success(let response) = result {
            usage = response.usage ?? TokenUsage(
                promptTokens: TokenEstimator.estimate(request.requestJSON),
                completionTokens: TokenEstimator.estimate(response.content), estimated: true)
            cost = prices.cost(of: usage, model: model, batch: true)
            row.succeeded = true
            row.content = response.content
            row.finishReason = response.finishReason
            row.promptTokens = usage.promptTokens
            row.completionTokens = usage.completionTokens
            row.usageEstimated = usage.estimated
            row.costUSD = cost
        } else if case .failure(let failure) = result {
            row.error = failure.description
            recorder.count(line?.expired == true ? "batch_expired_lines" : "batch_failed_lines")
        }
        let id = try calls.insert(row)
        recorder.addCall(usage, cost: cost)
        return BatchAnswer(callID: id, result: result, usage: usage, httpStatus: line?.statusCode, body: line?.body, cost: cost)
    }

    /// The sampling parameters of a stored request body, as `llm_calls.parameters` holds them.
    static func parametersJSON(_ body: [String: Any]) -> String {
        var parameters = body
        for key in ["model", "messages", "prompt"] { parameters.removeValue(forKey: key) }
        let data = (try? JSONSerialization.data(withJSONObject: parameters, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Sleeps `seconds` in small steps; false when Ctrl-C came first.
    private func pause(_ seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if interrupt.isRequested { return false }
            progress.draw()
            Thread.sleep(forTimeInterval: min(0.05, max(0, deadline.timeIntervalSinceNow)))
        }
        return !interrupt.isRequested
    }
}
