import Foundation

/// A batch as the provider describes it (`GET /v1/batches/{id}`): its state, file ids, request counts and
/// the `errors` list (validation failures such as a token limit show up here, after creation).
public struct BatchJob: Hashable, Sendable {
    public var id: String
    public var state: BatchState
    public var inputFileID: String
    /// Nil or empty when there is none: a `completed` batch whose every line failed has no output file,
    /// and some providers send `""` instead of null for a missing error file.
    public var outputFileID: String?
    public var errorFileID: String?
    public var total: Int
    public var completed: Int
    public var failed: Int
    /// `errors.data[].message` joined, for batches that failed validation.
    public var errors: String?
    /// Our own tag sent as `metadata.dsbench_key`, to find a batch created before a crash.
    public var key: String?

    /// Reads a batch object; nil when `id` or a known `status` is missing.
    public init?(json object: [String: Any]) {
        guard let id = object["id"] as? String, let status = object["status"] as? String,
            let state = BatchState(rawValue: status), state != .preparing
        else { return nil }
        self.id = id
        self.state = state
        inputFileID = object["input_file_id"] as? String ?? ""
        outputFileID = (object["output_file_id"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        errorFileID = (object["error_file_id"] as? String).flatMap { $0.isEmpty ? nil : $0 }
        let counts = object["request_counts"] as? [String: Any] ?? [:]
        total = (counts["total"] as? NSNumber)?.intValue ?? 0
        completed = (counts["completed"] as? NSNumber)?.intValue ?? 0
        failed = (counts["failed"] as? NSNumber)?.intValue ?? 0
        if let list = (object["errors"] as? [String: Any])?["data"] as? [[String: Any]], !list.isEmpty {
            errors = list.map { entry in
                [entry["code"] as? String, entry["message"] as? String].compactMap { $0 }.joined(separator: ": ")
            }.joined(separator: "; ")
        }
        key = (object["metadata"] as? [String: Any])?["dsbench_key"] as? String
    }
}
