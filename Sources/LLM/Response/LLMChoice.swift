/// One generated alternative: its text and why generation stopped (`stop`, `length`, … or nil if not sent).
public struct LLMChoice: Hashable, Sendable {
    public var index: Int
    public var text: String
    public var finishReason: String?

    public init(index: Int, text: String, finishReason: String?) {
        self.index = index
        self.text = text
        self.finishReason = finishReason
    }

    /// True when the server cut the text at `max_tokens`: the last part may be incomplete.
    public var wasTruncated: Bool { finishReason == "length" }
}
