import Curation
import Foundation

/// Reads a stored multi-turn conversation (`instructions.conversation`: ShareGPT `{"conversations": […]}` or
/// OpenAI `{"messages": […]}`) into the turns the judge sees before the final answer.
enum ConversationTurns {
    /// Turns before the final assistant turn (the stored completion), without system turns; nil when the
    /// text is not a conversation this reader knows.
    static func beforeFinalAnswer(_ json: String) -> [ScoringTurn]? {
        guard let object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else { return nil }
        let raw = (object["conversations"] ?? object["messages"]) as? [[String: Any]] ?? []
        var turns: [ScoringTurn] = raw.compactMap { turn in
            guard let role = (turn["from"] ?? turn["role"]) as? String else { return nil }
            let normalized = role.lowercased()
            if normalized == "system" { return nil }
            return ScoringTurn(role: Self.role(normalized), text: Self.text(of: turn))
        }
        guard !turns.isEmpty else { return nil }
        if turns.last?.role == "assistant" { turns.removeLast() }
        return turns
    }

    private static func role(_ name: String) -> String {
        switch name {
        case "human", "user": "user"
        case "gpt", "assistant", "model", "bot", "chatgpt": "assistant"
        default: name
        }
    }

    /// A turn's text: ShareGPT `value`, OpenAI `content` (a string or text parts), or else its other fields
    /// as JSON (tool calls).
    private static func text(of turn: [String: Any]) -> String {
        if let value = (turn["value"] ?? turn["content"]) as? String { return value }
        if let parts = turn["content"] as? [[String: Any]] {
            return parts.compactMap { $0["text"] as? String }.joined(separator: "\n")
        }
        let rest = turn.filter { $0.key != "role" && $0.key != "from" && !($0.value is NSNull) }
        let data = (try? JSONSerialization.data(withJSONObject: rest, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
