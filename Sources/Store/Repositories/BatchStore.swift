/// The `batches` and `batch_requests` tables: what was submitted to a Batch API, in which state, and which
/// requests (by hash) each batch carries. A batch is recorded (`preparing`) before anything is uploaded, so
/// an interrupted submission is finished on the next run instead of being sent again.
public struct BatchStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// A request going into a batch: its hash (the line's `custom_id`), purpose and JSON body.
    public struct Request: Sendable, Equatable {
        public var hash: String
        public var purpose: String
        public var requestJSON: String

        public init(hash: String, purpose: String, requestJSON: String) {
            self.hash = hash
            self.purpose = purpose
            self.requestJSON = requestJSON
        }
    }

    /// Records a batch about to be uploaded, with its requests. Call inside a transaction.
    public func insertPreparing(
        runID: Int64, command: String, endpointURL: String, model: String, url: String, submissionKey: String,
        requests: [Request]
    ) throws -> Int64 {
        try database.execute(
            """
            INSERT INTO batches (run_id, command, endpoint_url, model, url, submission_key, request_count)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [.integer(runID), .text(command), .text(endpointURL), .text(model), .text(url), .text(submissionKey),
             .integer(Int64(requests.count))])
        let id = database.lastInsertRowID
        for request in requests {
            try database.execute(
                "INSERT INTO batch_requests (batch_id, request_hash, purpose, request) VALUES (?, ?, ?, ?)",
                [.integer(id), .text(request.hash), .text(request.purpose), .text(request.requestJSON)])
        }
        return id
    }

    /// The input file is uploaded.
    public func setInputFile(_ id: Int64, fileID: String) throws {
        try database.execute(
            "UPDATE batches SET input_file_id = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
            [.text(fileID), .integer(id)])
    }

    /// What the provider last said about the batch.
    public func update(
        _ id: Int64, providerBatchID: String, state: String, outputFileID: String?, errorFileID: String?,
        completed: Int, failed: Int, errors: String?
    ) throws {
        try database.execute(
            """
            UPDATE batches SET provider_batch_id = ?, state = ?, output_file_id = ?, error_file_id = ?,
                completed_count = ?, failed_count = ?, errors = ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
            WHERE id = ?
            """,
            [.text(providerBatchID), .text(state), SQLValue(outputFileID), SQLValue(errorFileID),
             .integer(Int64(completed)), .integer(Int64(failed)), SQLValue(errors), .integer(id)])
    }

    /// Closes a batch that never reached the provider (no Batch API there, or cancelled before submission):
    /// `state` (`failed` or `cancelled`) with `reason` in `errors`, and nothing left to collect.
    public func closeLocally(_ id: Int64, state: String, reason: String) throws {
        try database.execute(
            """
            UPDATE batches SET state = ?, errors = ?, collected_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
            WHERE id = ?
            """,
            [.text(state), .text(reason), .integer(id)])
    }

    /// Results are in `llm_calls`; the batch needs nothing more. Call in the transaction that wrote them.
    public func markCollected(_ id: Int64) throws {
        try database.execute(
            "UPDATE batches SET collected_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?", [.integer(id)])
    }

    /// Batches whose results are not collected yet (running, or finished but not read), oldest first.
    public func uncollected() throws -> [BatchRecord] {
        try database.query("SELECT * FROM batches WHERE collected_at IS NULL ORDER BY id").map(BatchRecord.init(row:))
    }

    /// Every batch, newest first.
    public func all(limit: Int = 1000) throws -> [BatchRecord] {
        try database.query("SELECT * FROM batches ORDER BY id DESC LIMIT ?", [.integer(Int64(limit))]).map(BatchRecord.init(row:))
    }

    /// A batch by local id, or by provider batch id.
    public func find(_ reference: String) throws -> BatchRecord? {
        let byLocal: SQLValue = Int64(reference).map { .integer($0) } ?? .null
        return try database.first(
            "SELECT * FROM batches WHERE id = ? OR provider_batch_id = ? ORDER BY id LIMIT 1",
            [byLocal, .text(reference)]
        ).map(BatchRecord.init(row:))
    }

    /// The requests of a batch.
    public func requests(of batchID: Int64) throws -> [Request] {
        try database.query(
            "SELECT request_hash, purpose, request FROM batch_requests WHERE batch_id = ? ORDER BY rowid",
            [.integer(batchID)]
        ).map { Request(hash: $0.string("request_hash"), purpose: $0.string("purpose"), requestJSON: $0.string("request")) }
    }

    /// Hashes carried by the endpoint's batches not yet collected: requests that must not be submitted again.
    public func pendingHashes(endpointURL: String) throws -> Set<String> {
        Set(try database.query(
            """
            SELECT DISTINCT r.request_hash FROM batch_requests r JOIN batches b ON b.id = r.batch_id
            WHERE b.collected_at IS NULL AND b.endpoint_url = ?
            """,
            [.text(endpointURL)]
        ).map { $0.string("request_hash") })
    }
}
