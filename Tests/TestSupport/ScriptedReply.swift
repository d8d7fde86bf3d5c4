import Foundation

/// What `ScriptedLLMServer` does with one request: a normal answer, an echo, an HTTP error, or a fault.
public indirect enum ScriptedReply: Sendable {
    /// 200 with an OpenAI-shaped body (chat or text completion, matching the path) holding `text`.
    case completion(String, finishReason: String = "stop", includeUsage: Bool = true)
    /// 200 whose content is the last user message (chat) or the prompt (completions).
    case echo
    /// Any status with a JSON error body `{"error":{"message":…}}` and extra headers.
    case status(Int, message: String, headers: [String: String] = [:])
    /// 429 with a `retry-after` header (seconds, as text).
    case rateLimited(retryAfter: String)
    /// Any status, headers and literal body.
    case raw(status: Int, headers: [String: String], body: String)
    /// Wait, then reply.
    case delayed(Double, ScriptedReply)
    /// Close the connection without answering.
    case dropConnection
    /// Never answer (until the client gives up or the server stops).
    case hang
    /// 200 with a JSON body cut in the middle (Content-Length matches, so HTTP itself is valid).
    case truncatedJSON
    /// 200 with valid JSON that has no `choices`.
    case noChoices
}
