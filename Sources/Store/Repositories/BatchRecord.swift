/// One row of `batches`: a Batch API submission with its provider ids and state.
public struct BatchRecord: Sendable, Equatable {
    public var id: Int64
    public var runID: Int64
    public var command: String
    /// Base URL of the endpoint the batch went to.
    public var endpointURL: String
    public var model: String
    /// The endpoint path every line uses, e.g. `/v1/chat/completions`.
    public var url: String
    /// Our tag, sent as `metadata.dsbench_key`.
    public var submissionKey: String
    public var providerBatchID: String?
    public var inputFileID: String?
    public var outputFileID: String?
    public var errorFileID: String?
    /// `preparing` (local only) or a Batch API status such as `in_progress`.
    public var state: String
    public var requestCount: Int
    public var completedCount: Int
    public var failedCount: Int
    public var errors: String?
    public var createdAt: String
    public var collectedAt: String?

    init(row: Row) {
        id = row.int64("id")
        runID = row.int64("run_id")
        command = row.string("command")
        endpointURL = row.string("endpoint_url")
        model = row.string("model")
        url = row.string("url")
        submissionKey = row.string("submission_key")
        providerBatchID = row.optionalString("provider_batch_id")
        inputFileID = row.optionalString("input_file_id")
        outputFileID = row.optionalString("output_file_id")
        errorFileID = row.optionalString("error_file_id")
        state = row.string("state")
        requestCount = row.int("request_count")
        completedCount = row.int("completed_count")
        failedCount = row.int("failed_count")
        errors = row.optionalString("errors")
        createdAt = row.string("created_at")
        collectedAt = row.optionalString("collected_at")
    }
}
