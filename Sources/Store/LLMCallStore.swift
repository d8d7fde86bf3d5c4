/// The `llm_calls` ledger: one row per model call (succeeded or failed). It doubles as the response cache —
/// a request whose hash already has a succeeded row is answered from here, so no call is paid for twice.
public struct LLMCallStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// A call to record. The request JSON must not contain the API key (it never does: keys travel in headers).
    public struct NewCall: Sendable {
        public var requestHash: String
        /// What the call was for, e.g. `self-instruct-generate`, `complete-answer`.
        public var purpose: String
        /// `chat` or `completions`.
        public var endpoint: String
        public var endpointHost: String?
        public var model: String
        public var parametersJSON: String = "{}"
        public var requestJSON: String
        public var response: String?
        public var content: String?
        public var finishReason: String?
        public var promptTokens: Int?
        public var completionTokens: Int?
        public var usageEstimated = false
        public var costUSD: Double?
        public var latencyMilliseconds: Int?
        public var attempts = 1
        public var httpStatus: Int?
        public var succeeded: Bool
        public var error: String?
        public var runID: Int64
        /// Base URL of the endpoint that answered (credentials removed).
        public var endpointURL: String?
        /// `batches.id` of the Batch API submission that carried the call.
        public var batchID: Int64?

        public init(
            requestHash: String, purpose: String, endpoint: String, model: String, requestJSON: String,
            succeeded: Bool, runID: Int64
        ) {
            self.requestHash = requestHash
            self.purpose = purpose
            self.endpoint = endpoint
            self.model = model
            self.requestJSON = requestJSON
            self.succeeded = succeeded
            self.runID = runID
        }
    }

    /// A succeeded call found by hash.
    public struct CachedCall: Sendable {
        public var id: Int64
        public var content: String
        public var finishReason: String?
        public var response: String?
        public var promptTokens: Int
        public var completionTokens: Int
        public var usageEstimated: Bool
    }

    @discardableResult
    public func insert(_ call: NewCall) throws -> Int64 {
        try database.execute(
            """
            INSERT INTO llm_calls (request_hash, purpose, endpoint, endpoint_host, model, parameters, request,
                response, content, finish_reason, prompt_tokens, completion_tokens, usage_estimated, cost_usd,
                latency_ms, attempts, http_status, status, error, run_id, endpoint_url, batch_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(call.requestHash), .text(call.purpose), .text(call.endpoint), SQLValue(call.endpointHost),
             .text(call.model), .text(call.parametersJSON), .text(call.requestJSON), SQLValue(call.response),
             SQLValue(call.content), SQLValue(call.finishReason), SQLValue(call.promptTokens),
             SQLValue(call.completionTokens), .integer(call.usageEstimated ? 1 : 0), SQLValue(call.costUSD),
             SQLValue(call.latencyMilliseconds), .integer(Int64(call.attempts)), SQLValue(call.httpStatus),
             .text(call.succeeded ? "succeeded" : "failed"), SQLValue(call.error), .integer(call.runID),
             SQLValue(call.endpointURL), SQLValue(call.batchID)])
        return database.lastInsertRowID
    }

    /// The newest succeeded call with this request hash, if any.
    public func succeededCall(hash: String) throws -> CachedCall? {
        guard let row = try database.first(
            """
            SELECT id, content, finish_reason, response, prompt_tokens, completion_tokens, usage_estimated
            FROM llm_calls WHERE request_hash = ? AND status = 'succeeded' ORDER BY id DESC LIMIT 1
            """,
            [.text(hash)])
        else { return nil }
        return CachedCall(
            id: row.int64("id"), content: row.string("content"), finishReason: row.optionalString("finish_reason"),
            response: row.optionalString("response"), promptTokens: row.int("prompt_tokens"),
            completionTokens: row.int("completion_tokens"), usageEstimated: row.bool("usage_estimated"))
    }

    /// How many calls (any status, any run) were made for a purpose; used to number prompts across runs.
    public func count(purpose: String) throws -> Int {
        Int(try database.scalar("SELECT count(*) FROM llm_calls WHERE purpose = ?", [.text(purpose)]).intValue ?? 0)
    }
}
