/// Why a Batch API call failed; messages carry the server's own text, never a key.
public enum BatchClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// the HTTP request failed or timed out
    case transport(String)
    /// the server answered with a non-2xx status
    case http(operation: String, status: Int, message: String)
    /// a 2xx answer that is not the object expected
    case badResponse(operation: String, String)

    public var description: String {
        switch self {
        case .transport(let message): "batch API connection error: \(message)"
        case .http(let operation, let status, let message): "batch API \(operation) failed: HTTP \(status): \(message)"
        case .badResponse(let operation, let message): "batch API \(operation): unusable response: \(message)"
        }
    }
}
