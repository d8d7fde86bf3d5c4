import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// The OpenAI Batch API over HTTP (DashScope's OpenAI-compatible mode speaks the same): upload an input file
/// (`POST /files`, purpose `batch`), create a batch (`POST /batches`, window `24h`), read it
/// (`GET /batches/{id}`), list batches (to find one created just before a crash, by `metadata.dsbench_key`),
/// cancel it, and download a result file (`GET /files/{id}/content`). Paths are relative to the endpoint's
/// base URL (`…/v1`). vLLM, Ollama and llama.cpp have no Batch API over HTTP: use an endpoint set instead.
public final class BatchClient: Sendable {
    public let configuration: EndpointConfiguration
    /// Attempts to create a batch while the provider still reports the just-uploaded file as missing.
    public let createAttempts: Int
    /// Seconds before the first create retry; doubles each time.
    public let createRetryDelay: Double
    private let session: URLSession

    public init(configuration: EndpointConfiguration, timeout: Double = 120, createAttempts: Int = 5, createRetryDelay: Double = 1) {
        self.configuration = configuration
        self.createAttempts = max(1, createAttempts)
        self.createRetryDelay = createRetryDelay
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.timeoutIntervalForRequest = timeout
        sessionConfiguration.urlCache = nil
        session = URLSession(configuration: sessionConfiguration)
    }

    deinit { session.finishTasksAndInvalidate() }

    /// Uploads a JSONL input file; returns its file id.
    public func upload(_ data: Data, filename: String) async throws(BatchClientError) -> String {
        let boundary = "dsbench-\(UUID().uuidString)"
        var body = Data()
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n".utf8))
        body.append(Data("--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(filename)\"\r\n".utf8))
        body.append(Data("Content-Type: application/jsonl\r\n\r\n".utf8))
        body.append(data)
        body.append(Data("\r\n--\(boundary)--\r\n".utf8))
        let object = try await call(
            "upload", method: "POST", path: "files", body: body, contentType: "multipart/form-data; boundary=\(boundary)")
        guard let id = object["id"] as? String else { throw .badResponse(operation: "upload", "no file id") }
        return id
    }

    /// Creates a batch over an uploaded file for `endpoint` (e.g. `/v1/chat/completions`), tagged with our
    /// `key`. A "file not found" answer right after the upload is retried with backoff (providers take a
    /// moment to see a new file).
    public func create(inputFileID: String, endpoint: String, key: String) async throws(BatchClientError) -> BatchJob {
        let payload: [String: Any] = [
            "input_file_id": inputFileID, "endpoint": endpoint, "completion_window": "24h",
            "metadata": ["dsbench_key": key],
        ]
        let body = (try? JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys])) ?? Data()
        var delay = createRetryDelay
        var attempt = 0
        while true {
            attempt += 1
            do {
                return try job("create", try await call("create", method: "POST", path: "batches", body: body))
            } catch {
                guard attempt < createAttempts, Self.isFileNotFound(error) else { throw error }
                try? await Task.sleep(for: .milliseconds(Int(delay * 1000)))
                delay *= 2
            }
        }
    }

    public func retrieve(_ id: String) async throws(BatchClientError) -> BatchJob {
        try job("retrieve", try await call("retrieve", method: "GET", path: "batches/\(id)"))
    }

    public func cancel(_ id: String) async throws(BatchClientError) -> BatchJob {
        try job("cancel", try await call("cancel", method: "POST", path: "batches/\(id)/cancel"))
    }

    /// The batch tagged with `key`, if the provider has one (pages through `GET /batches`, newest first).
    public func find(key: String, maxPages: Int = 10) async throws(BatchClientError) -> BatchJob? {
        var after: String?
        for _ in 0..<maxPages {
            let query = "batches?limit=100" + (after.map { "&after=\($0)" } ?? "")
            let page = try await call("list", method: "GET", path: query)
            let items = (page["data"] as? [[String: Any]] ?? []).compactMap(BatchJob.init(json:))
            if let match = items.first(where: { $0.key == key }) { return match }
            guard page["has_more"] as? Bool == true, let last = items.last?.id else { return nil }
            after = last
        }
        return nil
    }

    /// The bytes of an output or error file.
    public func content(ofFile id: String) async throws(BatchClientError) -> Data {
        try await send("download", method: "GET", path: "files/\(id)/content", body: nil, contentType: nil)
    }

    private func job(_ operation: String, _ object: [String: Any]) throws(BatchClientError) -> BatchJob {
        guard let job = BatchJob(json: object) else { throw .badResponse(operation: operation, "not a batch object") }
        return job
    }

    static func isFileNotFound(_ error: BatchClientError) -> Bool {
        guard case .http(_, let status, let message) = error, status == 404 || status == 400 else { return false }
        let lowered = message.lowercased()
        return lowered.contains("not found") || lowered.contains("no such file") || lowered.contains("does not exist")
    }

    private func call(
        _ operation: String, method: String, path: String, body: Data? = nil, contentType: String? = "application/json"
    ) async throws(BatchClientError) -> [String: Any] {
        let data = try await send(operation, method: method, path: path, body: body, contentType: contentType)
        guard let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] else {
            // A 200 page that is not JSON (a web UI answering every GET) on the first call: no Batch API here.
            if Self.firstCalls.contains(operation) { throw .noBatchAPI(operation: operation, status: 200, message: Self.summary(of: data)) }
            throw .badResponse(operation: operation, Self.summary(of: data))
        }
        return object
    }

    private func send(
        _ operation: String, method: String, path: String, body: Data?, contentType: String?
    ) async throws(BatchClientError) -> Data {
        guard let url = URL(string: configuration.baseURL.absoluteString + "/" + path) else {
            throw .transport("bad path \(path)")
        }
        var request = URLRequest(url: url)
        request.httpMethod = method
        if let contentType { request.setValue(contentType, forHTTPHeaderField: "Content-Type") }
        if let key = configuration.apiKey { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        request.httpBody = body
        let data: Data
        let response: URLResponse
        do {
            (data, response) = try await session.data(for: request)
        } catch {
            throw .transport((error as NSError).localizedDescription)
        }
        guard let http = response as? HTTPURLResponse else { throw .transport("response is not HTTP") }
        guard (200..<300).contains(http.statusCode) else {
            let isJSON = (try? JSONSerialization.jsonObject(with: data)) != nil
            if Self.firstCalls.contains(operation), [404, 405, 501].contains(http.statusCode) || !isJSON {
                throw .noBatchAPI(operation: operation, status: http.statusCode, message: Self.summary(of: data))
            }
            throw .http(operation: operation, status: http.statusCode, message: Self.summary(of: data))
        }
        return data
    }

    /// The calls that open a submission, before anything is uploaded: an odd answer there means no Batch API.
    static let firstCalls: Set<String> = ["list", "upload"]

    /// A body for an error message: the JSON error's message, or a short note for anything else — never a raw
    /// HTML page (llama.cpp's and Python's 404/501 pages): "non-JSON body (HTML)" or the first line, shortened.
    public static func summary(of data: Data) -> String {
        if (try? JSONSerialization.jsonObject(with: data)) != nil { return ResponseParser.errorMessage(fromBody: data) }
        let text = String(decoding: data.prefix(4096), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        if text.isEmpty { return "empty body" }
        if text.hasPrefix("<") { return "non-JSON body (HTML)" }
        let line = text.split(whereSeparator: \.isNewline).first.map(String.init) ?? text
        return "non-JSON body: " + (line.count <= 120 ? line : String(line.prefix(120)) + "…")
    }
}
