import Foundation
import Synchronization

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// Tells whether a base URL is served by Ollama: `GET /api/version` on the same host answers
/// `{"version": "…"}` there and nowhere else (vLLM, llama.cpp and TGI answer 404). Magpie needs to know, because
/// Ollama's `/v1/completions` wraps a raw prompt in the chat template and only `/api/generate` with `raw` does not.
public enum OllamaProbe {
    /// True when the server answers like Ollama within `timeout` seconds; false on any error or other answer.
    /// Blocks the calling thread (a command's owner thread) for at most `timeout`.
    public static func isOllama(_ endpoint: EndpointConfiguration, timeout: Double = 2) -> Bool {
        var request = URLRequest(url: endpoint.url(path: "/api/version"))
        request.timeoutInterval = timeout
        if let key = endpoint.apiKey { request.setValue("Bearer \(key)", forHTTPHeaderField: "Authorization") }
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let answer = Mutex<Bool>(false)
        let done = DispatchSemaphore(value: 0)
        session.dataTask(with: request) { data, response, _ in
            defer { done.signal() }
            guard let http = response as? HTTPURLResponse, http.statusCode == 200, let data,
                  let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  object["version"] is String
            else { return }
            answer.withLock { $0 = true }
        }.resume()
        _ = done.wait(timeout: .now() + timeout + 1)
        return answer.withLock { $0 }
    }
}
