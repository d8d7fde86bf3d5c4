import Foundation
import LLM
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A real HTTP/1.1 server on 127.0.0.1 (free port) that answers OpenAI-style requests from a script, for
/// tests and benchmarks. One thread accepts, one thread per connection serves (keep-alive aware). It records
/// every request, counts requests in flight, and can inject faults (see `ScriptedReply`). `stop()` ends it.
public final class ScriptedLLMServer: Sendable {
    /// Decides the reply for a request; runs on the connection's thread.
    public typealias Script = @Sendable (RecordedRequest) -> ScriptedReply

    private struct State {
        var requests: [RecordedRequest] = []
        var nextOrdinal = 0
        var nextConnection = 0
        var inFlight = 0
        var maxInFlight = 0
        var openSockets: Set<Int32> = []
        var threadsRunning = 0
    }

    public let port: UInt16
    private let listener: Int32
    private let script: Script
    private let state = Mutex(State())
    private let stopping = Atomic<Bool>(false)

    /// Start a server whose replies come from `script`.
    public init(script: @escaping Script) throws {
        self.script = script
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw ServerError.socket("socket", errno) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 512) == 0 else {
            let code = errno
            close(fd)
            throw ServerError.socket("bind/listen", code)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.port = UInt16(bigEndian: actual.sin_port)
        self.listener = fd
        state.withLock { $0.threadsRunning += 1 }
        Thread.detachNewThread { [self] in acceptLoop() }
    }

    /// Replies taken in order from `queue`; when it runs out, `fallback` answers.
    public convenience init(queue: [ScriptedReply], fallback: ScriptedReply = .echo) throws {
        let replies = Mutex(queue)
        try self.init { _ in
            replies.withLock { list in list.isEmpty ? fallback : list.removeFirst() }
        }
    }

    /// `http://127.0.0.1:PORT/v1`, the base URL to give a client.
    public var baseURL: String { "http://127.0.0.1:\(port)/v1" }

    /// Every request received so far, in arrival order.
    public var requests: [RecordedRequest] { state.withLock { $0.requests } }

    /// The largest number of requests that were being answered at the same moment.
    public var maxInFlight: Int { state.withLock { $0.maxInFlight } }

    /// Distinct TCP connections accepted so far.
    public var connectionCount: Int { state.withLock { $0.nextConnection } }

    /// Stop accepting, close every connection and wait (up to 5 s) for the server threads to end.
    public func stop() {
        guard !stopping.exchange(true, ordering: .sequentiallyConsistent) else { return }
        let sockets = state.withLock { $0.openSockets }
        for fd in sockets { shutdown(fd, Int32(SHUT_RDWR)) }
        let deadline = Date().addingTimeInterval(5)
        while state.withLock({ $0.threadsRunning }) > 0, Date() < deadline { usleep(5_000) }
        close(listener)
    }

    deinit { stop() }

    private var isStopping: Bool { stopping.load(ordering: .sequentiallyConsistent) }

    private func acceptLoop() {
        defer { state.withLock { $0.threadsRunning -= 1 } }
        while !isStopping {
            var pollFD = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&pollFD, 1, 50) > 0 else { continue }
            let client = accept(listener, nil, nil)
            guard client >= 0 else { continue }
            var yes: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
            let connection = state.withLock { s -> Int in
                s.openSockets.insert(client)
                s.threadsRunning += 1
                s.nextConnection += 1
                return s.nextConnection
            }
            Thread.detachNewThread { [self] in serve(client, connection: connection) }
        }
    }

    private func serve(_ fd: Int32, connection: Int) {
        defer {
            state.withLock {
                $0.openSockets.remove(fd)
                $0.threadsRunning -= 1
            }
            close(fd)
        }
        var buffer: [UInt8] = []
        while !isStopping {
            guard let (head, body) = readRequest(fd, buffer: &buffer) else { return }
            let lines = head.components(separatedBy: "\r\n")
            let requestLine = lines.first?.split(separator: " ") ?? []
            var headers: [String: String] = [:]
            for line in lines.dropFirst() {
                guard let colon = line.firstIndex(of: ":") else { continue }
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
            let record = state.withLock { s -> RecordedRequest in
                let record = RecordedRequest(
                    ordinal: s.nextOrdinal, method: requestLine.count > 0 ? String(requestLine[0]) : "",
                    path: requestLine.count > 1 ? String(requestLine[1]) : "", headers: headers, body: Data(body),
                    connection: connection, receivedAt: .now)
                s.nextOrdinal += 1
                s.requests.append(record)
                s.inFlight += 1
                s.maxInFlight = max(s.maxInFlight, s.inFlight)
                return record
            }
            let keepOpen = answer(script(record), to: record, on: fd)
            state.withLock { $0.inFlight -= 1 }
            if !keepOpen || headers["connection"]?.lowercased() == "close" { return }
        }
    }

    /// Writes the reply; false when the connection must be closed afterwards.
    private func answer(_ reply: ScriptedReply, to request: RecordedRequest, on fd: Int32) -> Bool {
        switch reply {
        case .completion(let text, let finishReason, let includeUsage):
            return write(fd, status: 200, headers: [:], body: Self.completionBody(
                text: text, finishReason: finishReason, includeUsage: includeUsage, request: request))
        case .echo:
            return write(fd, status: 200, headers: [:], body: Self.completionBody(
                text: request.userText, finishReason: "stop", includeUsage: true, request: request))
        case .status(let code, let message, let headers):
            let body = "{\"error\":{\"message\":\(Self.quoted(message)),\"type\":\"scripted\",\"code\":\(code)}}"
            return write(fd, status: code, headers: headers, body: body)
        case .rateLimited(let retryAfter):
            return write(fd, status: 429, headers: ["retry-after": retryAfter],
                body: "{\"error\":{\"message\":\"rate limit reached\",\"type\":\"requests\"}}")
        case .raw(let status, let headers, let body):
            return write(fd, status: status, headers: headers, body: body)
        case .delayed(let seconds, let inner):
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline, !isStopping { usleep(UInt32(min(10_000, max(1, deadline.timeIntervalSinceNow * 1_000_000)))) }
            return answer(inner, to: request, on: fd)
        case .dropConnection:
            shutdown(fd, Int32(SHUT_RDWR))
            return false
        case .hang:
            var scratch = [UInt8](repeating: 0, count: 512)
            while !isStopping {
                var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                if poll(&pollFD, 1, 50) > 0 {
                    if recv(fd, &scratch, scratch.count, 0) <= 0 { return false }
                }
            }
            return false
        case .truncatedJSON:
            let full = Self.completionBody(text: "this answer is cut off", finishReason: "stop", includeUsage: true, request: request)
            return write(fd, status: 200, headers: [:], body: String(full.prefix(full.count / 2)))
        case .noChoices:
            return write(fd, status: 200, headers: [:], body: "{\"id\":\"x\",\"object\":\"chat.completion\",\"model\":\"m\",\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":0}}")
        }
    }

    /// Reads one request (head + Content-Length body); nil when the peer closed or the server stops.
    private func readRequest(_ fd: Int32, buffer: inout [UInt8]) -> (String, [UInt8])? {
        let separator: [UInt8] = [13, 10, 13, 10]
        var chunk = [UInt8](repeating: 0, count: 65_536)
        func fill() -> Bool {
            while !isStopping {
                var pollFD = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
                let ready = poll(&pollFD, 1, 50)
                if ready < 0 { return false }
                if ready == 0 { continue }
                let count = recv(fd, &chunk, chunk.count, 0)
                if count <= 0 { return false }
                buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            return false
        }
        var headEnd: Int?
        while headEnd == nil {
            if buffer.count >= 4 {
                for i in 0...(buffer.count - 4) where buffer[i..<i + 4].elementsEqual(separator) {
                    headEnd = i
                    break
                }
            }
            if headEnd == nil, !fill() { return nil }
        }
        let head = String(decoding: buffer[0..<headEnd!], as: UTF8.self)
        var length = 0
        for line in head.components(separatedBy: "\r\n") where line.lowercased().hasPrefix("content-length:") {
            length = Int(line.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) ?? 0
        }
        let bodyStart = headEnd! + 4
        while buffer.count < bodyStart + length {
            if !fill() { return nil }
        }
        let body = Array(buffer[bodyStart..<bodyStart + length])
        buffer.removeFirst(bodyStart + length)
        return (head, body)
    }

    private func write(_ fd: Int32, status: Int, headers: [String: String], body: String) -> Bool {
        let bodyBytes = Array(body.utf8)
        var head = "HTTP/1.1 \(status) \(Self.reason(status))\r\nContent-Type: application/json\r\n"
        head += "Content-Length: \(bodyBytes.count)\r\nConnection: keep-alive\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "\r\n"
        let bytes = Array(head.utf8) + bodyBytes
        var sent = 0
        while sent < bytes.count {
            let count = bytes[sent...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count <= 0 { return false }
            sent += count
        }
        return true
    }

    /// An OpenAI-shaped success body for the request's endpoint (chat or text completion).
    public static func completionBody(text: String, finishReason: String, includeUsage: Bool, request: RecordedRequest) -> String {
        if request.path.hasSuffix("/api/generate") {
            // Ollama's native reply: one object with `response`, `done`, `done_reason` and token counts.
            var body = "{\"model\":\(quoted(request.model)),\"created_at\":\"2024-01-01T00:00:00Z\",\"response\":\(quoted(text)),"
            body += "\"done\":true,\"done_reason\":\(quoted(finishReason))"
            if includeUsage {
                body += ",\"prompt_eval_count\":\(TokenEstimator.estimate(request.userText)),\"eval_count\":\(TokenEstimator.estimate(text))"
            }
            return body + "}"
        }
        let isChat = !request.path.hasSuffix("/completions") || request.path.hasSuffix("/chat/completions")
        let choice = isChat
            ? "{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\(quoted(text))},\"finish_reason\":\(quoted(finishReason))}"
            : "{\"index\":0,\"text\":\(quoted(text)),\"finish_reason\":\(quoted(finishReason)),\"logprobs\":null}"
        var body = "{\"id\":\"scripted-\(request.ordinal)\",\"object\":\"\(isChat ? "chat.completion" : "text_completion")\","
        body += "\"created\":1700000000,\"model\":\(quoted(request.model.isEmpty ? "scripted" : request.model)),"
        body += "\"choices\":[\(choice)],\"system_fingerprint\":\"fp_scripted\""
        if includeUsage {
            let prompt = TokenEstimator.estimate(request.userText) + 7
            let completion = TokenEstimator.estimate(text)
            body += ",\"usage\":{\"prompt_tokens\":\(prompt),\"completion_tokens\":\(completion),\"total_tokens\":\(prompt + completion)}"
        }
        return body + "}"
    }

    static func quoted(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 200: "OK"
        case 400: "Bad Request"
        case 401: "Unauthorized"
        case 404: "Not Found"
        case 408: "Request Timeout"
        case 409: "Conflict"
        case 429: "Too Many Requests"
        case 500: "Internal Server Error"
        case 502: "Bad Gateway"
        case 503: "Service Unavailable"
        default: "Status"
        }
    }

    /// A socket call failed while starting the server.
    public enum ServerError: Error {
        /// the named call failed with errno
        case socket(String, Int32)
    }
}
