import Foundation

/// Reads chat and text-completion bodies leniently: unknown fields are ignored, `usage` may be missing,
/// and anything unusable (not JSON, truncated, no `choices`) becomes `LLMFailure.badResponse`, never a crash.
public enum ResponseParser {
    public static func parse(_ data: Data) -> Result<LLMResponse, LLMFailure> {
        let raw = String(decoding: data, as: UTF8.self)
        guard let object = try? JSONSerialization.jsonObject(with: data),
            let root = object as? [String: Any]
        else {
            return .failure(.badResponse("response body is not a JSON object: \(excerpt(raw))"))
        }
        if let error = root["error"] {
            return .failure(.badResponse("server returned an error object: \(errorMessage(from: error))"))
        }
        if root["choices"] == nil, let text = root["response"] as? String {
            // Ollama's native /api/generate: {"response": …, "done_reason": …, "prompt_eval_count", "eval_count"}.
            let finish = (root["done_reason"] as? String) ?? ((root["done"] as? Bool) == true ? "stop" : nil)
            var usage: TokenUsage?
            if let prompt = (root["prompt_eval_count"] as? NSNumber)?.intValue {
                usage = TokenUsage(promptTokens: prompt, completionTokens: (root["eval_count"] as? NSNumber)?.intValue ?? 0)
            }
            return .success(LLMResponse(
                choices: [LLMChoice(index: 0, text: text, finishReason: finish)], usage: usage,
                model: root["model"] as? String, rawBody: raw))
        }
        guard let choiceList = root["choices"] as? [Any], !choiceList.isEmpty else {
            return .failure(.badResponse("response has no choices: \(excerpt(raw))"))
        }
        var choices: [LLMChoice] = []
        for (position, item) in choiceList.enumerated() {
            guard let choice = item as? [String: Any] else {
                return .failure(.badResponse("choice \(position) is not an object"))
            }
            let index = (choice["index"] as? NSNumber)?.intValue ?? position
            let finish = choice["finish_reason"] as? String
            var text: String?
            if let message = choice["message"] as? [String: Any] {
                text = message["content"] as? String
                if text == nil, message["content"] is NSNull { text = "" }
            } else if let plain = choice["text"] as? String {
                text = plain
            }
            guard let text else {
                return .failure(.badResponse("choice \(position) has neither message.content nor text"))
            }
            choices.append(LLMChoice(index: index, text: text, finishReason: finish))
        }
        choices.sort { $0.index < $1.index }
        var usage: TokenUsage?
        if let usageObject = root["usage"] as? [String: Any],
            let prompt = (usageObject["prompt_tokens"] as? NSNumber)?.intValue
        {
            let completion = (usageObject["completion_tokens"] as? NSNumber)?.intValue
                ?? max(0, ((usageObject["total_tokens"] as? NSNumber)?.intValue ?? prompt) - prompt)
            usage = TokenUsage(promptTokens: prompt, completionTokens: completion)
        }
        return .success(LLMResponse(choices: choices, usage: usage, model: root["model"] as? String, rawBody: raw))
    }

    /// The server's own message from an error body (`{"error": {"message": …}}` or `{"error": "…"}`),
    /// else an excerpt of the body.
    public static func errorMessage(fromBody data: Data) -> String {
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            if let error = object["error"] { return errorMessage(from: error) }
            if let message = object["message"] as? String { return message }
        }
        return excerpt(String(decoding: data, as: UTF8.self))
    }

    private static func errorMessage(from error: Any) -> String {
        if let text = error as? String { return text }
        if let object = error as? [String: Any], let message = object["message"] as? String { return message }
        return "\(error)"
    }

    static func excerpt(_ text: String, limit: Int = 200) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty { return "(empty body)" }
        return trimmed.count <= limit ? trimmed : String(trimmed.prefix(limit)) + "…"
    }
}
