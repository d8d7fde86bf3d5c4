/// Why a call failed. Retryable kinds (transport, timeout, 408/409/429/5xx) are retried by `LLMClient`;
/// the others end the call at once.
public enum LLMFailure: Error, Hashable, Sendable, CustomStringConvertible {
    /// the connection failed or was dropped before a complete response arrived
    case transport(String)
    /// no complete response within the per-request timeout
    case timeout(seconds: Double)
    /// the server answered with a non-2xx status; `message` is the server's own text
    case http(status: Int, message: String)
    /// a 2xx response whose body could not be used (not JSON, truncated, no choices)
    case badResponse(String)
    /// the call was cancelled before it finished
    case cancelled

    public var isRetryable: Bool {
        switch self {
        case .transport, .timeout: true
        case .http(let status, _): status == 408 || status == 409 || status == 429 || status >= 500
        case .badResponse, .cancelled: false
        }
    }

    public var description: String {
        switch self {
        case .transport(let message): "connection error: \(message)"
        case .timeout(let seconds): "request timed out after \(seconds) s"
        case .http(let status, let message): "HTTP \(status): \(message)"
        case .badResponse(let message): "unusable response: \(message)"
        case .cancelled: "cancelled"
        }
    }
}
