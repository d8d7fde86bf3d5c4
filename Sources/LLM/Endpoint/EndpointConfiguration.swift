import Foundation

/// Where requests go and how they authenticate, resolved from command-line flags and the environment.
/// The API key is kept only in memory: `description`, `host` and `identity` never contain it.
public struct EndpointConfiguration: Sendable, CustomStringConvertible {
    /// Base URL ending before `/chat/completions`, e.g. `http://localhost:11434/v1`.
    public var baseURL: URL
    /// Bearer token; nil for local servers that need none.
    public var apiKey: String?
    /// Default model for requests built by commands.
    public var model: String

    public static let openAIBaseURL = "https://api.openai.com/v1"
    public static let dashScopeBaseURL = "https://dashscope.aliyuncs.com/compatible-mode/v1"
    public static let defaultOpenAIModel = "gpt-4o-mini"
    public static let defaultDashScopeModel = "qwen-plus"

    public init(baseURL: URL, apiKey: String?, model: String) {
        self.baseURL = baseURL
        self.apiKey = apiKey
        self.model = model
    }

    /// Resolve from flags (`--base-url`, `--model`) and an environment dictionary (no process globals):
    /// base URL = flag, else `OPENAI_BASE_URL`, else OpenAI when `OPENAI_API_KEY` is set, else DashScope's
    /// OpenAI-compatible endpoint when `DASHSCOPE_API_KEY` or `QWEN_API_KEY` is set. Local hosts need no key.
    public static func resolve(
        baseURL flagBaseURL: String?, model flagModel: String?, environment: [String: String]
    ) throws(EndpointConfigurationError) -> EndpointConfiguration {
        func value(_ name: String) -> String? {
            guard let raw = environment[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !raw.isEmpty
            else { return nil }
            return raw
        }
        let openAIKey = value("OPENAI_API_KEY")
        let dashScopeKey = value("DASHSCOPE_API_KEY") ?? value("QWEN_API_KEY")
        let explicitBase = flagBaseURL.flatMap { $0.isEmpty ? nil : $0 } ?? value("OPENAI_BASE_URL")

        let baseText: String
        if let explicitBase {
            baseText = explicitBase
        } else if openAIKey != nil {
            baseText = openAIBaseURL
        } else if dashScopeKey != nil {
            baseText = dashScopeBaseURL
        } else {
            throw .missingEndpoint
        }
        var trimmed = baseText
        while trimmed.hasSuffix("/") { trimmed.removeLast() }
        guard let url = URL(string: trimmed), let scheme = url.scheme?.lowercased(),
            scheme == "http" || scheme == "https", let host = url.host, !host.isEmpty
        else {
            throw .invalidBaseURL(baseText)
        }
        let isDashScope = host.hasSuffix("aliyuncs.com")
        let key: String? = isDashScope ? (dashScopeKey ?? openAIKey) : (openAIKey ?? dashScopeKey)
        if key == nil && !isLocal(host: host) {
            throw .missingKey(host: host)
        }
        let model: String
        if let flagModel, !flagModel.isEmpty {
            model = flagModel
        } else if let envModel = value("DSBENCH_MODEL") {
            model = envModel
        } else if isDashScope {
            model = defaultDashScopeModel
        } else if host == "api.openai.com" {
            model = defaultOpenAIModel
        } else {
            throw .missingModel(host: host)
        }
        return EndpointConfiguration(baseURL: url, apiKey: key, model: model)
    }

    /// True for loopback hosts, where servers such as Ollama or vLLM usually run without a key.
    public static func isLocal(host: String) -> Bool {
        let lowered = host.lowercased()
        return lowered == "localhost" || lowered == "::1" || lowered == "[::1]" || lowered.hasPrefix("127.")
            || lowered == "0.0.0.0" || lowered.hasSuffix(".localhost")
    }

    /// Host (and port when given) of the base URL, for `runs.endpoint_host` and `llm_calls.endpoint_host`.
    public var host: String {
        guard let host = baseURL.host else { return baseURL.absoluteString }
        if let port = baseURL.port { return "\(host):\(port)" }
        return host
    }

    /// The base URL without credentials, used in request hashes so different servers never share a cache entry.
    public var identity: String {
        guard var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else {
            return baseURL.absoluteString
        }
        components.user = nil
        components.password = nil
        components.query = nil
        return components.string ?? baseURL.absoluteString
    }

    /// Full URL of a request path such as `chat/completions`; a path starting with `/` replaces the base URL's
    /// path (Ollama's native `/api/generate` next to its `/v1`).
    public func url(path: String) -> URL {
        guard path.hasPrefix("/"), var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false) else {
            return baseURL.appendingPathComponent(path)
        }
        components.path = path
        return components.url ?? baseURL.appendingPathComponent(path)
    }

    public var description: String { "\(identity) model=\(model)" + (apiKey == nil ? "" : " (key set)") }
}
