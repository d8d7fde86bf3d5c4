import Foundation

/// The part of a judge's reply that carries its answer: the reply without its reasoning block
/// (`ReasoningBlock`), trimmed, and the JSON objects in it. Shared by the score and pairwise reply readers.
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

    /// The JSON objects in a reply, in order: every outermost balanced `{…}` span (braces inside strings and
    /// escapes respected) that parses as an object; spans that do not parse are skipped.
    static func jsonObjects(in text: String) -> [[String: Any]] {
        var objects: [[String: Any]] = []
        let characters = Array(text)
        var index = 0
        while index < characters.count {
            guard characters[index] == "{" else {
                index += 1
                continue
            }
            var depth = 0, inString = false, escaped = false, end: Int?
            for position in index..<characters.count {
                let character = characters[position]
                if inString {
                    if escaped { escaped = false } else if character == "\\" { escaped = true } else if character == "\"" { inString = false }
                    continue
                }
                if character == "\"" { inString = true } else if character == "{" { depth += 1 } else if character == "}" {
                    depth -= 1
                    if depth == 0 {
                        end = position
                        break
                    }
                }
            }
            guard let end else { break }
            if let object = try? JSONSerialization.jsonObject(with: Data(String(characters[index...end]).utf8)) as? [String: Any] {
                objects.append(object)
            }
            index = end + 1
        }
        return objects
    }
}
