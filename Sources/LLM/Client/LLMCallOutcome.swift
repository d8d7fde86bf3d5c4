/// Everything known about one finished call, success or failure, ready to be written as an `llm_calls` row.
public struct LLMCallOutcome: Sendable {
    public var request: LLMRequest
    public var result: Result<LLMResponse, LLMFailure>
    /// HTTP attempts made (1 when the first one settled it; 0 when answered from a cache).
    public var attempts: Int
    /// Wall time from the first attempt to the end, in milliseconds, retries and waits included.
    public var latencyMilliseconds: Int
    /// Status of the last HTTP response, nil if none arrived.
    public var httpStatus: Int?
    /// The last response body (success or error), for the ledger.
    public var responseBody: String?
    /// Tokens from `usage`, or estimated (marked) when the server sent none. Zero on failure.
    public var usage: TokenUsage
    /// True when the result came from the `llm_calls` ledger, not the network.
    public var fromCache: Bool
    /// `host[:port]` of the server that answered (nil for a cached answer); a sender with several endpoints
    /// sets the one it picked.
    public var endpointHost: String?

    public init(
        request: LLMRequest, result: Result<LLMResponse, LLMFailure>, attempts: Int, latencyMilliseconds: Int,
        httpStatus: Int?, responseBody: String?, usage: TokenUsage, fromCache: Bool = false, endpointHost: String? = nil
    ) {
        self.request = request
        self.result = result
        self.attempts = attempts
        self.latencyMilliseconds = latencyMilliseconds
        self.httpStatus = httpStatus
        self.responseBody = responseBody
        self.usage = usage
        self.fromCache = fromCache
        self.endpointHost = endpointHost
    }

    /// Headers of the last HTTP response (lower-cased names), for rate-limit bookkeeping; not stored.
    public var responseHeaders: [String: String] = [:]
    /// Base URL of the server that answered (credentials removed), for `llm_calls.endpoint_url`; nil when
    /// answered from the ledger.
    public var endpointURL: String?

    public var response: LLMResponse? {
        if case .success(let response) = result { return response }
        return nil
    }

    public var failure: LLMFailure? {
        if case .failure(let failure) = result { return failure }
        return nil
    }

    public var succeeded: Bool { response != nil }
}
