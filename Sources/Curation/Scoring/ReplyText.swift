import Foundation

/// The part of a judge's reply that carries its answer: the reply without its reasoning block
/// (`ReasoningBlock`), trimmed. Shared by the score and pairwise reply readers.
enum ReplyText {
    /// The visible answer, or why there is none (unfinished reasoning, empty reply).
    static func visible(_ reply: String) -> Result<String, ScoreParseFailure> {
        guard let visible = ReasoningBlock.visibleText(reply) else {
            return .failure(ScoreParseFailure("the reply is unfinished reasoning (<think> without </think>)"))
        }
        let text = visible.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .failure(ScoreParseFailure("empty reply")) }
        return .success(text)
    }
}
