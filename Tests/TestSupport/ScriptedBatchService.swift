import Foundation
import LLM
import Synchronization

/// The Batch API side of `ScriptedLLMServer`, reproducing hosted-provider behaviour on loopback:
/// `POST /v1/files` (multipart upload, purpose `batch`), `GET /v1/files/{id}/content`, `POST /v1/batches`,
/// `GET /v1/batches/{id}`, `GET /v1/batches` (list, newest first), `POST /v1/batches/{id}/cancel`.
///
/// A batch moves one state per retrieve: `validating` → `in_progress` → `completed` (or `expired`, when
/// `expireAfter` lines are all the window reaches). Output lines come in reverse order (join on `custom_id`);
/// failed lines go to an error file; a batch whose every line failed has `output_file_id` null, and one with no
/// failures has `error_file_id` `""`. Validation as providers do it: one model per file, each line's `url`
/// equal to the batch's endpoint, unique `custom_id`s — else the batch ends `failed` with `errors`.
/// `hiddenCreates` makes the first creates over a new file answer 404 "No such File object".
public final class ScriptedBatchService: Sendable {
    /// What a line gets: an answer, an HTTP failure inside the batch, or nothing (expired).
    public enum LineReply: Sendable {
        case answer(String)
        case failure(status: Int, message: String)
    }

    public struct Batch: Sendable {
        public var id: String
        public var inputFileID: String
        public var endpoint: String
        public var key: String?
        public var state: String
        public var outputFileID: String?
        public var errorFileID: String?
        public var errors: [String] = []
        public var total = 0
        public var completed = 0
        public var failed = 0
        public var retrieves = 0
    }

    private struct State {
        var files: [String: Data] = [:]
        var batches: [Batch] = []
        var createAttemptsByFile: [String: Int] = [:]
        var uploads = 0
    }

    private let state = Mutex(State())
    private let answer: @Sendable (_ customID: String, _ body: [String: Any]) -> LineReply
    /// Lines completed before the window ends; the rest expire (`batch_expired`). Nil: all complete.
    public let expireAfter: Int?
    /// Creates over a fresh file that answer "file not found" first.
    public let hiddenCreates: Int
    /// When set, every batch fails validation with this `errors` entry (as a token limit does, after creation).
    public let validationError: String?

    public init(
        expireAfter: Int? = nil, hiddenCreates: Int = 0, validationError: String? = nil,
        answer: @escaping @Sendable (_ customID: String, _ body: [String: Any]) -> LineReply = { _, body in
            .answer(ScriptedBatchService.lastUserText(body))
        }
    ) {
        self.expireAfter = expireAfter
        self.hiddenCreates = hiddenCreates
        self.validationError = validationError
        self.answer = answer
    }

    /// Lines answered by a live-call script, so any scripted model also plays the Batch API: `.completion` and
    /// `.echo` become answers, `.status` an HTTP failure inside the batch, any other fault a 500.
    public convenience init(expireAfter: Int? = nil, script: @escaping ScriptedLLMServer.Script) {
        self.init(expireAfter: expireAfter) { _, body in
            let data = (try? JSONSerialization.data(withJSONObject: body)) ?? Data()
            let request = RecordedRequest(
                ordinal: 0, method: "POST", path: body["messages"] != nil ? "/v1/chat/completions" : "/v1/completions",
                headers: [:], body: data, connection: 0, receivedAt: .now)
            var reply = script(request)
            while case .delayed(_, let inner) = reply { reply = inner }
            switch reply {
            case .completion(let text, _, _): return .answer(text)
            case .echo: return .answer(request.userText)
            case .status(let code, let message, _): return .failure(status: code, message: message)
            default: return .failure(status: 500, message: "scripted fault")
            }
        }
    }

    /// Batches created so far, oldest first.
    public var batches: [Batch] { state.withLock { $0.batches } }
    /// Files uploaded so far.
    public var uploads: Int { state.withLock { $0.uploads } }
    /// The content of an uploaded or generated file.
    public func file(_ id: String) -> Data? { state.withLock { $0.files[id] } }

    /// The reply for a Batch API request, or nil when the path is not one (so the caller answers it).
    public func reply(to request: RecordedRequest) -> ScriptedReply? {
        let path = request.path.split(separator: "?", maxSplits: 1).first.map(String.init) ?? request.path
        let parts = path.split(separator: "/").map(String.init)  // ["v1", "files", …]
        guard parts.count >= 2, parts[0] == "v1", parts[1] == "files" || parts[1] == "batches" else { return nil }
        switch (request.method, Array(parts.dropFirst())) {
        case ("POST", ["files"]):
            return upload(request)
        case ("GET", let p) where p.count == 3 && p[0] == "files" && p[2] == "content":
            guard let data = state.withLock({ $0.files[p[1]] }) else { return Self.notFound("No such File object: \(p[1])") }
            return .raw(status: 200, headers: [:], body: String(decoding: data, as: UTF8.self))
        case ("POST", ["batches"]):
            return create(request)
        case ("GET", ["batches"]):
            let list = state.withLock { $0.batches }.reversed().map(Self.object)
            return Self.json(["object": "list", "data": list, "has_more": false])
        case ("GET", let p) where p.count == 2 && p[0] == "batches":
            return retrieve(p[1])
        case ("POST", let p) where p.count == 3 && p[0] == "batches" && p[2] == "cancel":
            return update(p[1]) { batch, _ in
                if !["completed", "failed", "expired", "cancelled"].contains(batch.state) { batch.state = "cancelling" }
            }
        default:
            return Self.notFound("unknown batch API path \(request.method) \(request.path)")
        }
    }

    private func upload(_ request: RecordedRequest) -> ScriptedReply {
        guard let type = request.headers["content-type"], let range = type.range(of: "boundary=") else {
            return .status(400, message: "expected multipart/form-data")
        }
        let boundary = String(type[range.upperBound...])
        let parts = Self.multipart(request.body, boundary: boundary)
        guard parts["purpose"].map({ String(decoding: $0, as: UTF8.self) }) == "batch", let content = parts["file"] else {
            return .status(400, message: "purpose must be batch and a file is required")
        }
        let id = state.withLock { s -> String in
            s.uploads += 1
            let id = "file-\(s.files.count + 1)"
            s.files[id] = content
            return id
        }
        return Self.json(["id": id, "object": "file", "bytes": content.count, "purpose": "batch"])
    }

    private func create(_ request: RecordedRequest) -> ScriptedReply {
        guard let json = request.json, let fileID = json["input_file_id"] as? String, let endpoint = json["endpoint"] as? String,
            json["completion_window"] as? String == "24h"
        else { return .status(400, message: "input_file_id, endpoint and completion_window 24h are required") }
        return state.withLock { s -> ScriptedReply in
            let attempts = (s.createAttemptsByFile[fileID] ?? 0) + 1
            s.createAttemptsByFile[fileID] = attempts
            guard let data = s.files[fileID], attempts > hiddenCreates else {
                return Self.notFound("No such File object: \(fileID)")
            }
            var batch = Batch(
                id: "batch_\(s.batches.count + 1)", inputFileID: fileID, endpoint: endpoint,
                key: (json["metadata"] as? [String: Any])?["dsbench_key"] as? String, state: "validating")
            let lines = Self.lines(data)
            batch.total = lines.count
            var ids: Set<String> = []
            var models: Set<String> = []
            for (number, line) in lines.enumerated() {
                if line["url"] as? String != endpoint { batch.errors.append("line \(number + 1): url does not match the batch endpoint") }
                if !ids.insert(line["custom_id"] as? String ?? "").inserted { batch.errors.append("line \(number + 1): duplicate custom_id") }
                models.insert((line["body"] as? [String: Any])?["model"] as? String ?? "")
            }
            if models.count > 1 { batch.errors.append("a batch file may use only one model") }
            if let validationError { batch.errors.append(validationError) }
            s.batches.append(batch)
            return Self.json(Self.object(batch))
        }
    }

    private func retrieve(_ id: String) -> ScriptedReply {
        update(id) { batch, files in
            batch.retrieves += 1
            switch batch.state {
            case "validating": batch.state = batch.errors.isEmpty ? "in_progress" : "failed"
            case "in_progress": finish(&batch, ending: expireAfter == nil ? "completed" : "expired", files: &files)
            case "cancelling": finish(&batch, ending: "cancelled", files: &files)
            default: break
            }
        }
    }

    private func update(_ id: String, _ change: (inout Batch, inout [String: Data]) -> Void) -> ScriptedReply {
        state.withLock { s -> ScriptedReply in
            guard let index = s.batches.firstIndex(where: { $0.id == id }) else { return Self.notFound("No batch \(id)") }
            var batch = s.batches[index]
            change(&batch, &s.files)
            s.batches[index] = batch
            return Self.json(Self.object(batch))
        }
    }

    /// Runs the lines (called under the lock from `update`): answers, failures and expiries into files.
    private func finish(_ batch: inout Batch, ending: String, files: inout [String: Data]) {
        // A cancelled batch keeps what ran before the cancel: nothing, here.
        let lines = Self.lines(files[batch.inputFileID])
        var output: [String] = []
        var errors: [String] = []
        for (position, line) in lines.enumerated() {
            let customID = line["custom_id"] as? String ?? ""
            let body = line["body"] as? [String: Any] ?? [:]
            if ending == "cancelled" || (expireAfter.map { position >= $0 } ?? false) {
                errors.append(Self.encode([
                    "id": "req_\(position)", "custom_id": customID, "response": NSNull(),
                    "error": ["code": ending == "cancelled" ? "batch_cancelled" : "batch_expired",
                              "message": "This request could not be executed before the completion window expired."],
                ]))
                continue
            }
            switch answer(customID, body) {
            case .answer(let text):
                let model = body["model"] as? String ?? "scripted"
                let completion: [String: Any] = [
                    "id": "chatcmpl-\(position)", "object": "chat.completion", "model": model,
                    "choices": [["index": 0, "message": ["role": "assistant", "content": text], "finish_reason": "stop"]],
                    "usage": ["prompt_tokens": 10, "completion_tokens": TokenEstimator.estimate(text), "total_tokens": 10 + TokenEstimator.estimate(text)],
                ]
                output.append(Self.encode([
                    "id": "batch_req_\(position)", "custom_id": customID,
                    "response": ["status_code": 200, "request_id": "r\(position)", "body": completion], "error": NSNull(),
                ]))
                batch.completed += 1
            case .failure(let status, let message):
                errors.append(Self.encode([
                    "id": "batch_req_\(position)", "custom_id": customID,
                    "response": ["status_code": status, "request_id": "r\(position)", "body": ["error": ["message": message, "type": "invalid_request_error"]]],
                    "error": NSNull(),
                ]))
                batch.failed += 1
            }
        }
        batch.state = ending
        batch.outputFileID = nil
        batch.errorFileID = ""
        func store(_ text: String) -> String {
            let id = "file-\(files.count + 1)"
            files[id] = Data(text.utf8)
            return id
        }
        if !output.isEmpty { batch.outputFileID = store(output.reversed().joined(separator: "\n") + "\n") }
        if !errors.isEmpty { batch.errorFileID = store(errors.joined(separator: "\n") + "\n") }
    }

    static func object(_ batch: Batch) -> [String: Any] {
        var object: [String: Any] = [
            "id": batch.id, "object": "batch", "endpoint": batch.endpoint, "input_file_id": batch.inputFileID,
            "completion_window": "24h", "status": batch.state,
            "output_file_id": batch.outputFileID.map { $0 as Any } ?? NSNull(),
            "error_file_id": batch.errorFileID.map { $0 as Any } ?? NSNull(),
            "request_counts": ["total": batch.total, "completed": batch.completed, "failed": batch.failed],
            "metadata": batch.key.map { ["dsbench_key": $0] as Any } ?? NSNull(),
        ]
        if !batch.errors.isEmpty {
            object["errors"] = ["object": "list", "data": batch.errors.map { ["code": "invalid_request", "message": $0] }]
        }
        return object
    }

    static func lines(_ data: Data?) -> [[String: Any]] {
        guard let data else { return [] }
        return data.split(separator: 0x0A).compactMap { (try? JSONSerialization.jsonObject(with: Data($0))) as? [String: Any] }
    }

    static func encode(_ object: [String: Any]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
    }

    static func json(_ object: [String: Any]) -> ScriptedReply {
        .raw(status: 200, headers: [:], body: encode(object))
    }

    static func notFound(_ message: String) -> ScriptedReply {
        .status(404, message: message)
    }

    /// The last user message of a chat body (the default answer echoes it).
    public static func lastUserText(_ body: [String: Any]) -> String {
        let messages = body["messages"] as? [[String: Any]] ?? []
        return messages.last(where: { $0["role"] as? String == "user" })?["content"] as? String ?? body["prompt"] as? String ?? ""
    }

    /// Splits a multipart/form-data body into its named parts.
    static func multipart(_ body: Data, boundary: String) -> [String: Data] {
        let delimiter = Data("--\(boundary)".utf8)
        var parts: [String: Data] = [:]
        var searchStart = body.startIndex
        var sections: [Range<Data.Index>] = []
        var previous: Data.Index?
        while let found = body.range(of: delimiter, in: searchStart..<body.endIndex) {
            if let previous { sections.append(previous..<found.lowerBound) }
            previous = found.upperBound
            searchStart = found.upperBound
        }
        for section in sections {
            let part = body[section]
            guard let headEnd = part.range(of: Data("\r\n\r\n".utf8)) else { continue }
            let head = String(decoding: part[part.startIndex..<headEnd.lowerBound], as: UTF8.self)
            guard let nameRange = head.range(of: "name=\"") else { continue }
            let name = String(head[nameRange.upperBound...].prefix { $0 != "\"" })
            var content = Data(part[headEnd.upperBound...])
            if content.suffix(2) == Data("\r\n".utf8) { content.removeLast(2) }
            parts[name] = content
        }
        return parts
    }
}
