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

    /// The wire protocol of a raw prompt: OpenAI's `/v1/completions`, or Ollama's native `/api/generate` with
    /// `"raw": true` (Ollama's `/v1/completions` wraps the prompt in the model's chat template).
    public enum Wire: String, Hashable, Sendable {
        case openAI = "openai"
        case ollama
    }

    public var model: String
    public var body: Body
    public var parameters: SamplingParameters
    public var wire: Wire

    public init(model: String, body: Body, parameters: SamplingParameters = SamplingParameters(), wire: Wire = .openAI) {
        self.model = model
        self.body = body
        self.parameters = parameters
        self.wire = wire
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

    /// Path appended to the base URL; a path starting with `/` is taken from the server's root (Ollama's
    /// `/api/generate`, beside its `/v1`).
    public var path: String {
        switch body {
        case .chat: return "chat/completions"
        case .prompt: return wire == .ollama ? "/api/generate" : "completions"
        }
    }

    /// The JSON body sent over HTTP, with sorted keys so the same request always has the same bytes.
    public func jsonBody() -> Data {
        if self.wire == .ollama, case .prompt(let prompt) = body { return ollamaBody(prompt: prompt) }
        let wire = WireBody(
            model: model, messages: messagesIfChat, prompt: promptIfCompletion,
            temperature: parameters.temperature, topP: parameters.topP, maxTokens: parameters.maxTokens,
            seed: parameters.seed, n: parameters.n, stop: parameters.stop, stopTokenIDs: parameters.stopTokenIDs,
            addSpecialTokens: parameters.addSpecialTokens
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
        var stopTokenIDs: [Int]?
        var addSpecialTokens: Bool?

        enum CodingKeys: String, CodingKey {
            case model, messages, prompt, temperature
            case topP = "top_p"
            case maxTokens = "max_tokens"
            case seed, n, stop
            case stopTokenIDs = "stop_token_ids"
            case addSpecialTokens = "add_special_tokens"
        }
    }

    /// Ollama's `/api/generate` body: the prompt sent as is (`raw`), one JSON reply (`stream: false`), sampling
    /// under `options` (`num_predict` is its max tokens).
    private func ollamaBody(prompt: String) -> Data {
        let body = OllamaBody(
            model: model, prompt: prompt, raw: true, stream: false,
            options: .init(
                temperature: parameters.temperature, topP: parameters.topP, numPredict: parameters.maxTokens,
                seed: parameters.seed, stop: parameters.stop))
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(body)) ?? Data("{}".utf8)
    }

    private struct OllamaBody: Encodable {
        struct Options: Encodable {
            var temperature: Double?
            var topP: Double?
            var numPredict: Int?
            var seed: Int?
            var stop: [String]?

            enum CodingKeys: String, CodingKey {
                case temperature
                case topP = "top_p"
                case numPredict = "num_predict"
                case seed, stop
            }
        }
        var model: String
        var prompt: String
        var raw: Bool
        var stream: Bool
        var options: Options
    }
}
