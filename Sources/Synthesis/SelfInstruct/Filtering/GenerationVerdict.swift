/// The outcome of one generation filter for one candidate, ready to become a `verdicts` row.
public struct GenerationVerdict: Hashable, Sendable {
    /// `gen-length`, `gen-blacklist`, `gen-punctuation`, `gen-program`, `gen-rouge`.
    public var filter: String
    public var passed: Bool
    public var reason: String?
    /// JSON object with the filter's evidence (e.g. the most similar pool instructions and their scores).
    public var detailJSON: String?

    public init(filter: String, passed: Bool, reason: String? = nil, detailJSON: String? = nil) {
        self.filter = filter
        self.passed = passed
        self.reason = reason
        self.detailJSON = detailJSON
    }
}
