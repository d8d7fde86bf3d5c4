import Foundation

/// The servers a run sends to, each an `EndpointConfiguration` with a weight, resolved from `EndpointSpec`s.
/// One endpoint is the common case; several spread the load (see `EndpointFleet`).
public struct EndpointSet: Sendable, CustomStringConvertible {
    /// A configured server and its share of traffic.
    public struct Member: Sendable {
        public var configuration: EndpointConfiguration
        public var weight: Double
    }

    public let members: [Member]

    public init(members: [Member]) {
        precondition(!members.isEmpty, "an endpoint set needs at least one endpoint")
        self.members = members
    }

    /// A set of one.
    public init(_ configuration: EndpointConfiguration) {
        self.init(members: [Member(configuration: configuration, weight: 1)])
    }

    /// Resolves from flags, the environment and the `endpoints` setting. Which list applies, first found:
    /// `--base-url` (commas allowed), `OPENAI_BASE_URL` (commas allowed), the setting, then the API-key
    /// defaults of `EndpointConfiguration.resolve`. Each URL gets a key and a model by the single-endpoint
    /// rules; an entry's own `model` and `key_env` override them.
    public static func resolve(
        baseURL flag: String?, model: String?, environment: [String: String], setting: [EndpointSpec]? = nil
    ) throws(EndpointSetError) -> EndpointSet {
        let envBase = environment["OPENAI_BASE_URL"]?.trimmingCharacters(in: .whitespaces)
        let specs: [EndpointSpec]
        if let flag, !EndpointSpec.list(commaSeparated: flag).isEmpty {
            specs = EndpointSpec.list(commaSeparated: flag)
        } else if let envBase, !EndpointSpec.list(commaSeparated: envBase).isEmpty {
            specs = EndpointSpec.list(commaSeparated: envBase)
        } else if let setting, !setting.isEmpty {
            specs = setting
        } else {
            do {
                return EndpointSet(try EndpointConfiguration.resolve(baseURL: nil, model: model, environment: environment))
            } catch {
                throw .endpoint(url: "", error)
            }
        }
        var members: [Member] = []
        for spec in specs {
            var scoped = environment
            if let variable = spec.keyVariable {
                guard let key = environment[variable], !key.trimmingCharacters(in: .whitespaces).isEmpty else {
                    throw .missingKeyVariable(url: spec.url, variable: variable)
                }
                // The named key wins over the usual variables for this endpoint only.
                scoped["OPENAI_API_KEY"] = key
                scoped["DASHSCOPE_API_KEY"] = key
                scoped["QWEN_API_KEY"] = nil
            }
            do {
                let configuration = try EndpointConfiguration.resolve(
                    baseURL: spec.url, model: spec.model ?? model, environment: scoped)
                members.append(Member(configuration: configuration, weight: spec.weight))
            } catch {
                throw .endpoint(url: spec.url, error)
            }
        }
        return EndpointSet(members: members)
    }

    /// The first endpoint: its host and model label the run (`runs.endpoint_host`, `runs.model`).
    public var primary: EndpointConfiguration { members[0].configuration }

    /// True when the endpoints do not all serve the same model name.
    public var servesSeveralModels: Bool { Set(members.map(\.configuration.model)).count > 1 }

    /// What the request hash includes about where a request goes. One endpoint: its identity (the hash a
    /// single `LLMClient` uses, so existing ledgers keep answering). Several serving one model: a constant, so
    /// the same request answered by any of them counts as done. Several models: every endpoint with its
    /// model, so answers of differently composed sets stay apart.
    public var hashIdentity: String {
        if members.count == 1 { return primary.identity }
        if !servesSeveralModels { return Self.anyEndpointIdentity }
        return members.map { "\($0.configuration.identity) \($0.configuration.model)" }.sorted().joined(separator: ",")
    }

    /// The identity hashed for a set of several endpoints serving one model.
    public static let anyEndpointIdentity = "endpoint-set"

    /// Hosts, comma-separated, for `runs.endpoint_host`.
    public var hosts: String { members.map(\.configuration.host).joined(separator: ",") }

    public var description: String { members.map(\.configuration.description).joined(separator: "; ") }
}
