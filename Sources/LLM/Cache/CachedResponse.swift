import Foundation

/// What the `llm_calls` ledger remembers of a succeeded call: enough to rebuild an `LLMCallOutcome` without the network.
public struct CachedResponse: Hashable, Sendable {
    public var content: String
    public var finishReason: String?
    public var usage: TokenUsage
    /// The stored raw body, when kept (lets multi-choice responses be rebuilt).
    public var rawBody: String?
    /// Identifier of the ledger row that answered (e.g. `llm_calls.id`), for lineage.
    public var callID: Int64?

    public init(content: String, finishReason: String?, usage: TokenUsage, rawBody: String? = nil, callID: Int64? = nil) {
        self.content = content
        self.finishReason = finishReason
        self.usage = usage
        self.rawBody = rawBody
        self.callID = callID
    }

    /// The cached call as an outcome marked `fromCache` with zero attempts.
    public func outcome(for request: LLMRequest) -> LLMCallOutcome {
        var response: LLMResponse
        if let rawBody, case .success(let parsed) = ResponseParser.parse(Data(rawBody.utf8)) {
            response = parsed
        } else {
            response = LLMResponse(
                choices: [LLMChoice(index: 0, text: content, finishReason: finishReason)], usage: usage,
                model: request.model, rawBody: rawBody ?? "")
        }
        response.usage = usage
        return LLMCallOutcome(
            request: request, result: .success(response), attempts: 0, latencyMilliseconds: 0, httpStatus: nil,
            responseBody: rawBody, usage: usage, fromCache: true)
    }
}


