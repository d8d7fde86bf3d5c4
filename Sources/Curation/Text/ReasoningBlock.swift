/// The `<think>…</think>` block reasoning models (DeepSeek-R1, Qwen3, QwQ) write before their answer, and the
/// text a reader of the reply should use instead. One definition for every parser of model replies: judges'
/// scores and pairwise verdicts, evolved instructions, information-gain checks, document Q&A and grounding.
public enum ReasoningBlock {
    static let open = "<think>"
    static let close = "</think>"

    /// The reply without its reasoning: the text before the first `<think>` joined to the text after the last
    /// `</think>` (a chat template may have sent the opening tag in the prompt, so a reply can start inside the
    /// block and hold only the closing tag). The reply unchanged when it has neither tag; nil when a `<think>` is
    /// never closed — the model stopped while still reasoning (often at its token limit), so no answer exists.
    /// Not trimmed.
    public static func visibleText(_ reply: String) -> String? {
        guard let end = reply.range(of: close, options: .backwards) else {
            return reply.contains(open) ? nil : reply
        }
        let head = reply.range(of: open).flatMap { $0.lowerBound < end.lowerBound ? reply[..<$0.lowerBound] : nil } ?? ""
        return String(head) + String(reply[end.upperBound...])
    }
}
