import Store

/// One batch as `dsbench batch status --json` prints it.
struct BatchStatusLine: Encodable {
    var id: Int64
    var batchID: String?
    var runID: Int64
    var command: String
    var model: String
    var state: String
    var requests: Int
    var completed: Int
    var failed: Int
    var inputFileID: String?
    var outputFileID: String?
    var errorFileID: String?
    var errors: String?
    var collected: Bool

    enum CodingKeys: String, CodingKey {
        case id, command, model, state, requests, completed, failed, errors, collected
        case batchID = "batch_id"
        case runID = "run_id"
        case inputFileID = "input_file_id"
        case outputFileID = "output_file_id"
        case errorFileID = "error_file_id"
    }

    init(_ record: BatchRecord) {
        id = record.id
        batchID = record.providerBatchID
        runID = record.runID
        command = record.command
        model = record.model
        state = record.state
        requests = record.requestCount
        completed = record.completedCount
        failed = record.failedCount
        inputFileID = record.inputFileID
        outputFileID = record.outputFileID
        errorFileID = record.errorFileID
        errors = record.errors
        collected = record.collectedAt != nil
    }
}
