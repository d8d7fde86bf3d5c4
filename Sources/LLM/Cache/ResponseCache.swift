/// Looks up earlier succeeded calls by request hash so that a repeated request is never paid for twice.
/// Commands implement it over the `llm_calls` table; it is used only by the owning task (not Sendable).
public protocol ResponseCache {
    func cachedResponse(forHash hash: String) throws -> CachedResponse?
}

/// An in-memory cache, for tests and for runs without a database.
public final class InMemoryResponseCache: ResponseCache {
    public private(set) var entries: [String: CachedResponse] = [:]

    public init() {}

    public func cachedResponse(forHash hash: String) -> CachedResponse? { entries[hash] }

    public func store(_ response: CachedResponse, forHash hash: String) { entries[hash] = response }

    /// Remember a succeeded outcome under its hash; failures are not cached.
    public func store(_ outcome: LLMCallOutcome, hash: String) {
        guard let response = outcome.response else { return }
        entries[hash] = CachedResponse(
            content: response.content, finishReason: response.finishReason, usage: outcome.usage,
            rawBody: response.rawBody)
    }
}
