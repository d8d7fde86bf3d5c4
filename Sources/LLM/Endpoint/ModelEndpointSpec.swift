import Foundation

/// One item of `--models`: a model name and where it is served, written `NAME`, `NAME@dashscope`,
/// `NAME@openai` or `NAME@http(s)://host:port/v1`. A bare name uses the command's endpoint (`--base-url`,
/// `OPENAI_BASE_URL` or the API-key defaults). Keys come only from the environment, by the usual rules of
/// `EndpointConfiguration.resolve` for the chosen base URL (DashScope: `DASHSCOPE_API_KEY`/`QWEN_API_KEY`).
public struct ModelEndpointSpec: Sendable, Hashable {
    /// Where the model is served.
    public enum Target: Sendable, Hashable {
        /// The command's own endpoint.
        case commandEndpoint
        /// DashScope's OpenAI-compatible endpoint.
        case dashScope
        /// OpenAI's API.
        case openAI
        /// Any OpenAI-compatible base URL.
        case url(String)
    }

    public var model: String
    public var target: Target

    public init(model: String, target: Target = .commandEndpoint) {
        self.model = model
        self.target = target
    }

    /// Parses a comma-separated `--models` value. The split is at the first `@`, so
    /// model names containing `@` are not possible — none of the providers use one. Throws a message naming
    /// the bad item.
    public static func list(_ text: String) throws(ModelEndpointSpecError) -> [ModelEndpointSpec] {
        let items = text.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        var specs: [ModelEndpointSpec] = []
        for item in items {
            guard !item.isEmpty else { throw .emptyItem }
            let spec = try parse(item)
            guard !specs.contains(where: { $0.model == spec.model }) else { throw .repeatedModel(spec.model) }
            specs.append(spec)
        }
        guard specs.count >= 1 else { throw .emptyItem }
        return specs
    }

    /// Parses one item.
    public static func parse(_ item: String) throws(ModelEndpointSpecError) -> ModelEndpointSpec {
        guard let at = item.firstIndex(of: "@") else { return ModelEndpointSpec(model: item) }
        let model = String(item[..<at])
        let where_ = String(item[item.index(after: at)...])
        guard !model.isEmpty else { throw .badItem(item, "no model name before '@'") }
        switch where_.lowercased() {
        case "dashscope", "qwen": return ModelEndpointSpec(model: model, target: .dashScope)
        case "openai": return ModelEndpointSpec(model: model, target: .openAI)
        default:
            guard let url = URL(string: where_), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
                url.host?.isEmpty == false
            else {
                throw .badItem(item, "after '@' expected dashscope, openai or a base URL such as http://localhost:11434/v1")
            }
            return ModelEndpointSpec(model: model, target: .url(where_))
        }
    }

    /// The endpoint for this model. `commandBaseURL` is the command's `--base-url` (nil: environment).
    public func resolve(commandBaseURL: String?, environment: [String: String]) throws(EndpointConfigurationError) -> EndpointConfiguration {
        switch target {
        case .commandEndpoint:
            return try EndpointConfiguration.resolve(baseURL: commandBaseURL, model: model, environment: environment)
        case .dashScope:
            return try EndpointConfiguration.resolve(baseURL: EndpointConfiguration.dashScopeBaseURL, model: model, environment: environment)
        case .openAI:
            return try EndpointConfiguration.resolve(baseURL: EndpointConfiguration.openAIBaseURL, model: model, environment: environment)
        case .url(let url):
            return try EndpointConfiguration.resolve(baseURL: url, model: model, environment: environment)
        }
    }
}
