import LLM
import Store

/// `ResponseCache` over the `llm_calls` table: a succeeded row with the same request hash answers the call.
struct LLMCallCache: ResponseCache {
    let store: LLMCallStore

    func cachedResponse(forHash hash: String) throws -> CachedResponse? {
        guard let call = try store.succeededCall(hash: hash) else { return nil }
        return CachedResponse(
            content: call.content, finishReason: call.finishReason,
            usage: TokenUsage(promptTokens: call.promptTokens, completionTokens: call.completionTokens, estimated: call.usageEstimated),
            rawBody: call.response, callID: call.id)
    }
}
