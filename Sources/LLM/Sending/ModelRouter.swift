/// Sends each request to the sender serving its model: `complete --models qwen-plus@dashscope,llama3@http://…`
/// asks several models, each at its own endpoint, in one run through the one call path. A request's hash is
/// the hash its model's own sender gives, so answers recorded by a single-model run of that model and
/// endpoint answer this run too, and vice versa.
public struct ModelRouter: ModelCallSender {
    private let senders: [String: any ModelCallSender]
    private let fallback: any ModelCallSender

    /// `senders` maps request model names to their senders; a request for any other model goes to the
    /// first entry (there is none in practice: commands only build requests for the listed models).
    public init(_ senders: [(model: String, sender: any ModelCallSender)]) {
        precondition(!senders.isEmpty, "a router needs at least one sender")
        var table: [String: any ModelCallSender] = [:]
        for entry in senders where table[entry.model] == nil { table[entry.model] = entry.sender }
        self.senders = table
        self.fallback = senders[0].sender
    }

    private func sender(for request: LLMRequest) -> any ModelCallSender {
        senders[request.model] ?? fallback
    }

    public func hash(of request: LLMRequest) -> String {
        sender(for: request).hash(of: request)
    }

    public func send(_ request: LLMRequest) async -> LLMCallOutcome {
        await sender(for: request).send(request)
    }
}
