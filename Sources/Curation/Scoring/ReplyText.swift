import Foundation

/// The part of a judge's reply that carries its answer: whatever follows the last `</think>` (reasoning models
/// write their deliberation first), trimmed. Shared by the score and pairwise reply readers.
enum ReplyText {
    /// The visible answer, or why there is none (unfinished reasoning, empty reply).
    static func visible(_ reply: String) -> Result<String, ScoreParseFailure> {
        var text = reply
        if let end = text.range(of: "</think>", options: .backwards) {
            text = String(text[end.upperBound...])
        } else if text.contains("<think>") {
            return .failure(ScoreParseFailure("the reply is unfinished reasoning (<think> without </think>)"))
        }
        text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return .failure(ScoreParseFailure("empty reply")) }
        return .success(text)
    }
}
