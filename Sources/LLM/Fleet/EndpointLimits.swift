/// Per-endpoint sending limits: `--concurrency` requests in flight, and optional `--rpm` (requests per minute)
/// and `--tpm` (tokens per minute). Nil limits are unlimited, the default.
public struct EndpointLimits: Hashable, Sendable {
    public var concurrency: Int
    public var requestsPerMinute: Int?
    public var tokensPerMinute: Int?

    public init(concurrency: Int, requestsPerMinute: Int? = nil, tokensPerMinute: Int? = nil) {
        self.concurrency = max(1, concurrency)
        self.requestsPerMinute = requestsPerMinute
        self.tokensPerMinute = tokensPerMinute
    }
}
