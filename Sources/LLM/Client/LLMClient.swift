import Foundation

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// An OpenAI-compatible HTTP client: `send` posts one request to `/chat/completions` or `/completions`,
/// retries transient failures per `RetryPolicy`, and always returns an `LLMCallOutcome` (it never throws).
///
/// Usage:
/// ```swift
/// let client = LLMClient(configuration: endpoint, retryPolicy: .standard, timeout: 60)
/// let outcome = await client.send(.chat(model: endpoint.model, messages: [.user("Hi")]))
/// if let text = outcome.response?.content { … } else { print(outcome.failure!) }
/// ```
/// Many requests at once: `RequestPool.run(...)`; commands go through `ModelCallRunner`, which sees the client as
/// a `ModelCallSender`. The client is `Sendable`; share one per run.
public final class LLMClient: Sendable {
    public let configuration: EndpointConfiguration
    public let retryPolicy: RetryPolicy
    /// Seconds allowed for one HTTP attempt.
    public let timeout: Double
    private let session: URLSession

    /// - Parameter maxConnections: connections per host URLSession may open; set it to at least the
    ///   concurrency you will use, or requests queue inside URLSession.
    public init(
        configuration: EndpointConfiguration, retryPolicy: RetryPolicy = .standard, timeout: Double = 60,
        maxConnections: Int = 64
    ) {
        self.configuration = configuration
        self.retryPolicy = retryPolicy
        self.timeout = timeout
        let sessionConfiguration = URLSessionConfiguration.ephemeral
        sessionConfiguration.httpMaximumConnectionsPerHost = max(1, maxConnections)
        sessionConfiguration.timeoutIntervalForRequest = timeout
        sessionConfiguration.timeoutIntervalForResource = max(timeout * 2, timeout + 5)
        sessionConfiguration.requestCachePolicy = .reloadIgnoringLocalCacheData
        sessionConfiguration.urlCache = nil
        self.session = URLSession(configuration: sessionConfiguration)
    }

    deinit {
        session.finishTasksAndInvalidate()
    }

    /// The cache key of a request sent through this client (endpoint identity + request body).
    public func hash(of request: LLMRequest) -> String {
        request.hash(endpointIdentity: configuration.identity)
    }

    /// Send one request, retrying transient failures. Cancellation of the calling task ends it as `.cancelled`.
    public func send(_ request: LLMRequest) async -> LLMCallOutcome {
        let started = ContinuousClock.now
        var attempts = 0
        var lastStatus: Int?
        var lastBody: String?
        var lastHeaders: [String: String] = [:]
        var failure: LLMFailure = .cancelled
        let body = request.jsonBody()

        while attempts <= retryPolicy.maxRetries {
            if Task.isCancelled {
                failure = .cancelled
                break
            }
            attempts += 1
            var urlRequest = URLRequest(url: configuration.url(path: request.path))
            urlRequest.httpMethod = "POST"
            urlRequest.timeoutInterval = timeout
            urlRequest.setValue("application/json", forHTTPHeaderField: "Content-Type")
            urlRequest.setValue("application/json", forHTTPHeaderField: "Accept")
            if let key = configuration.apiKey {
                urlRequest.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization")
            }
            urlRequest.httpBody = body

            var headers: [String: String] = [:]
            do {
                let (data, response) = try await session.data(for: urlRequest)
                guard let http = response as? HTTPURLResponse else {
                    failure = .transport("response is not HTTP")
                    continue
                }
                lastStatus = http.statusCode
                lastBody = String(decoding: data, as: UTF8.self)
                for (name, value) in http.allHeaderFields {
                    if let name = name as? String, let value = value as? String { headers[name.lowercased()] = value }
                }
                lastHeaders = headers
                if (200..<300).contains(http.statusCode) {
                    switch ResponseParser.parse(data) {
                    case .success(let parsed):
                        let usage = parsed.usage ?? TokenUsage(
                            promptTokens: TokenEstimator.estimatePrompt(of: request),
                            completionTokens: parsed.choices.reduce(0) { $0 + TokenEstimator.estimate($1.text) },
                            estimated: true
                        )
                        var outcome = LLMCallOutcome(
                            request: request, result: .success(parsed), attempts: attempts,
                            latencyMilliseconds: Self.milliseconds(since: started), httpStatus: http.statusCode,
                            responseBody: lastBody, usage: usage, endpointHost: configuration.host
                        )
                        outcome.responseHeaders = headers
                        outcome.endpointURL = configuration.identity
                        return outcome
                    case .failure(let parseFailure):
                        failure = parseFailure
                    }
                } else {
                    failure = .http(status: http.statusCode, message: ResponseParser.errorMessage(fromBody: data))
                }
            } catch {
                failure = Self.classify(error, timeout: timeout)
                lastStatus = nil
                lastBody = nil
                lastHeaders = [:]
            }

            guard attempts <= retryPolicy.maxRetries, RetryPolicy.shouldRetry(failure, headers: headers) else { break }
            let wait = retryPolicy.delay(
                retryIndex: attempts - 1, headers: headers, jitter: Double.random(in: 0...1))
            do {
                try await Task.sleep(for: .milliseconds(Int(wait * 1000)))
            } catch {
                failure = .cancelled
                break
            }
        }
        var outcome = LLMCallOutcome(
            request: request, result: .failure(failure), attempts: attempts,
            latencyMilliseconds: Self.milliseconds(since: started), httpStatus: lastStatus,
            responseBody: lastBody, usage: .zero, endpointHost: configuration.host
        )
        outcome.responseHeaders = lastHeaders
        outcome.endpointURL = configuration.identity
        return outcome
    }

    private static func classify(_ error: any Error, timeout: Double) -> LLMFailure {
        if error is CancellationError { return .cancelled }
        if let urlError = error as? URLError {
            switch urlError.code {
            case .timedOut: return .timeout(seconds: timeout)
            case .cancelled: return .cancelled
            default: return .transport(urlError.localizedDescription + " (\(urlError.code.rawValue))")
            }
        }
        let nsError = error as NSError
        if nsError.domain == NSURLErrorDomain && nsError.code == NSURLErrorTimedOut { return .timeout(seconds: timeout) }
        return .transport(nsError.localizedDescription)
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Int {
        let elapsed = ContinuousClock.now - start
        return Int(elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000)
    }
}
