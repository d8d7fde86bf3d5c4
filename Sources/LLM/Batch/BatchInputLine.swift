import Foundation

/// One line of a Batch API input file: `{"custom_id": …, "method": "POST", "url": "/v1/chat/completions",
/// "body": {…}}`, the format OpenAI and DashScope share. `custom_id` is our request hash, so an output line
/// joins back to the request (and the ledger) whatever order the provider writes results in.
public struct BatchInputLine: Hashable, Sendable {
    public var customID: String
    public var request: LLMRequest

    public init(customID: String, request: LLMRequest) {
        self.customID = customID
        self.request = request
    }

    /// The line's `url`: the path every line of one batch shares and the batch is created for.
    public var url: String { "/v1/" + request.path }

    /// The JSON line, without the trailing newline (keys sorted, so the same request gives the same bytes).
    public func jsonLine() -> Data {
        Self.jsonLine(customID: customID, url: url, body: request.jsonBody())
    }

    /// A line from its parts: `body` is a request's JSON (as stored in `batch_requests.request`).
    public static func jsonLine(customID: String, url: String, body: Data) -> Data {
        var line = Data("{\"body\":".utf8)
        line.append(body)
        line.append(Data(",\"custom_id\":".utf8))
        line.append((try? JSONEncoder().encode(customID)) ?? Data("\"\"".utf8))
        line.append(Data(",\"method\":\"POST\",\"url\":".utf8))
        line.append((try? JSONEncoder().encode(url)) ?? Data("\"\"".utf8))
        line.append(Data("}".utf8))
        return line
    }
}
