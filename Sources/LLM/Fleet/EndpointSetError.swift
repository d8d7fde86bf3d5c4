/// Why an endpoint set could not be configured; messages name the setting entry and field, never a key.
public enum EndpointSetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// the `endpoints` setting is malformed (entry is 1-based)
    case badSetting(entry: Int?, field: String?, String)
    /// an endpoint's `key_env` names a variable that is not set
    case missingKeyVariable(url: String, variable: String)
    /// one endpoint could not be configured
    case endpoint(url: String, EndpointConfigurationError)

    public var description: String {
        switch self {
        case .badSetting(let entry, let field, let message):
            var place = "setting 'endpoints'"
            if let entry { place += ", entry \(entry)" }
            if let field { place += ", field '\(field)'" }
            return "\(place): \(message)"
        case .missingKeyVariable(let url, let variable):
            return "endpoint \(url): key variable \(variable) is not set in the environment"
        case .endpoint(_, let error):
            return error.description
        }
    }
}
