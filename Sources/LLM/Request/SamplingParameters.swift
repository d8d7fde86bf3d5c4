/// Sampling parameters sent with a request; `nil` fields are left out of the JSON so the server's default holds.
public struct SamplingParameters: Codable, Hashable, Sendable {
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    /// Sent to the server, and part of the request hash: distinct seeds make distinct cached calls.
    public var seed: Int?
    public var n: Int?
    public var stop: [String]?

    public init(
        temperature: Double? = nil, topP: Double? = nil, maxTokens: Int? = nil,
        seed: Int? = nil, n: Int? = nil, stop: [String]? = nil
    ) {
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.seed = seed
        self.n = n
        self.stop = stop
    }

    enum CodingKeys: String, CodingKey {
        case temperature
        case topP = "top_p"
        case maxTokens = "max_tokens"
        case seed, n, stop
    }
}
