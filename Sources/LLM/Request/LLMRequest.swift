import Hashing
import Foundation

/// A request to an OpenAI-compatible server: chat messages (`/chat/completions`) or a plain prompt
/// (`/completions`), a model and sampling parameters. Its `hash` identifies it in the cache.
public struct LLMRequest: Hashable, Sendable {
    /// What the request sends: the body kind decides the endpoint path.
    public enum Body: Hashable, Sendable {
        case chat([ChatMessage])
        case prompt(String)
    }

    public var model: String
    public var body: Body
    public var parameters: SamplingParameters

    public init(model: String, body: Body, parameters: SamplingParameters = SamplingParameters()) {
        self.model = model
        self.body = body
        self.parameters = parameters
    }

    /// A chat request.
    public static func chat(
        model: String, messages: [ChatMessage], parameters: SamplingParameters = SamplingParameters()
    ) -> LLMRequest {
        LLMRequest(model: model, body: .chat(messages), parameters: parameters)
    }

    /// A legacy text-completion request.
    public static func completion(
        model: String, prompt: String, parameters: SamplingParameters = SamplingParameters()
    ) -> LLMRequest {
        LLMRequest(model: model, body: .prompt(prompt), parameters: parameters)
    }

    /// `chat` or `completions`, as stored in `llm_calls.endpoint`.
    public var endpointKind: String {
        switch body {
        case .chat: "chat"
        case .prompt: "completions"
        }
    }

    /// Path appended to the base URL.
    public var path: String {
        switch body {
        case .chat: "chat/completions"
        case .prompt: "completions"
        }
    }

    /// The JSON body sent over HTTP, with sorted keys so the same request always has the same bytes.
    public func jsonBody() -> Data {
        let wire = WireBody(
            model: model, messages: messagesIfChat, prompt: promptIfCompletion,
            temperature: parameters.temperature, topP: parameters.topP, maxTokens: parameters.maxTokens,
            seed: parameters.seed, n: parameters.n, stop: parameters.stop
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings, numbers and arrays cannot fail.
        return (try? encoder.encode(wire)) ?? Data("{}".utf8)
    }

    /// The request body as a string, for storing in `llm_calls.request`.
    public func jsonString() -> String {
        String(decoding: jsonBody(), as: UTF8.self)
    }

    /// SHA-256 hex over a canonical JSON of endpoint identity, path and body (sorted keys).
    /// Pass `endpointIdentity` (e.g. the base URL) so identical prompts to different servers stay apart.
    public func hash(endpointIdentity: String) -> String {
        var canonical = Data("{\"endpoint\":".utf8)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        canonical.append((try? encoder.encode(endpointIdentity)) ?? Data("\"\"".utf8))
        canonical.append(Data(",\"path\":\"\(path)\",\"request\":".utf8))
        canonical.append(jsonBody())
        canonical.append(Data("}".utf8))
        return SHA256.hexDigest(of: canonical)
    }

    /// All the text a request sends, for token estimates.
    public var promptText: String {
        switch body {
        case .chat(let messages): messages.map(\.content).joined(separator: "\n")
        case .prompt(let prompt): prompt
        }
    }

    private var messagesIfChat: [ChatMessage]? {
        if case .chat(let messages) = body { return messages }
        return nil
    }

    private var promptIfCompletion: String? {
        if case .prompt(let prompt) = body { return prompt }
        return nil
    }

    private struct WireBody: Encodable {
        var model: String
        var messages: [ChatMessage]?
        var prompt: String?
        var temperature: Double?
        var topP: Double?
        var maxTokens: Int?
        var seed: Int?
        var n: Int?
        var stop: [String]?

        enum CodingKeys: String, CodingKey {
            case model, messages, prompt, temperature
            case topP = "top_p"
            case maxTokens = "max_tokens"
            case seed, n, stop
        }
    }
}
