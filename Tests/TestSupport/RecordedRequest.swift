import Foundation

/// A request as `ScriptedLLMServer` received it.
public struct RecordedRequest: Sendable {
    /// 0-based arrival order over the server's lifetime.
    public var ordinal: Int
    public var method: String
    public var path: String
    /// Header names lower-cased.
    public var headers: [String: String]
    public var body: Data
    /// Which TCP connection carried it (to observe keep-alive).
    public var connection: Int
    public var receivedAt: ContinuousClock.Instant

    public var bodyText: String { String(decoding: body, as: UTF8.self) }

    /// The JSON body's top-level object, if it is one.
    public var json: [String: Any]? {
        (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
    }

    /// The last user message of a chat request, or the prompt of a completion request.
    public var userText: String {
        guard let json else { return "" }
        if let messages = json["messages"] as? [[String: Any]] {
            return messages.last(where: { ($0["role"] as? String) == "user" })?["content"] as? String ?? ""
        }
        return json["prompt"] as? String ?? ""
    }

    public var model: String { json?["model"] as? String ?? "" }
}
