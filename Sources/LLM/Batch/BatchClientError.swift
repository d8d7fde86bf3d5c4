/// Why a Batch API call failed; messages carry the server's own text, never a key.
public enum BatchClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// the HTTP request failed or timed out
    case transport(String)
    /// the server answered with a non-2xx status
    case http(operation: String, status: Int, message: String)
    /// a 2xx answer that is not the object expected
    case badResponse(operation: String, String)
    /// the server's first Batch API call (`list` or `upload`) met 404/405/501 or a non-JSON answer: it serves
    /// no Batch API (vLLM, llama.cpp and Ollama serve none over HTTP)
    case noBatchAPI(operation: String, status: Int, message: String)

    public var description: String {
        switch self {
        case .transport(let message): "batch API connection error: \(message)"
        case .http(let operation, let status, let message): "batch API \(operation) failed: HTTP \(status): \(message)"
        case .badResponse(let operation, let message): "batch API \(operation): unusable response: \(message)"
        case .noBatchAPI(let operation, let status, let message):
            "this server has no Batch API (\(operation) answered HTTP \(status): \(message)); vLLM, llama.cpp and "
                + "Ollama serve none over HTTP: drop --batch, or spread calls over several servers with --base-url URL1,URL2"
        }
    }
}
