/// Sampling parameters sent with a request; `nil` fields are left out of the JSON so the server's default holds.
public struct SamplingParameters: Codable, Hashable, Sendable {
    public var temperature: Double?
    public var topP: Double?
    public var maxTokens: Int?
    /// Sent to the server, and part of the request hash: distinct seeds make distinct cached calls.
    public var seed: Int?
    public var n: Int?
    public var stop: [String]?
    /// Token ids that end generation (vLLM, SGLang): special tokens may be stripped from the text, so a stop
    /// *string* made of them can never match. Left out of the JSON when nil.
    public var stopTokenIDs: [Int]?
    /// `false` asks the server not to add its own BOS to a raw prompt that already starts with one (vLLM).
    public var addSpecialTokens: Bool?

    public init(
        temperature: Double? = nil, topP: Double? = nil, maxTokens: Int? = nil,
        seed: Int? = nil, n: Int? = nil, stop: [String]? = nil, stopTokenIDs: [Int]? = nil,
        addSpecialTokens: Bool? = nil
    ) {
        self.temperature = temperature
        self.topP = topP
        self.maxTokens = maxTokens
        self.seed = seed
        self.n = n
        self.stop = stop
        self.stopTokenIDs = stopTokenIDs
        self.addSpecialTokens = addSpecialTokens
    }

    enum CodingKeys: String, CodingKey {
        case temperature
        case topP = "top_p"
        case maxTokens = "max_tokens"
        case seed, n, stop
        case stopTokenIDs = "stop_token_ids"
        case addSpecialTokens = "add_special_tokens"
    }
}
