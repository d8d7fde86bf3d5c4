/// Token counts of one call, either reported by the server (`usage`) or estimated locally.
public struct TokenUsage: Hashable, Sendable, Codable {
    public var promptTokens: Int
    public var completionTokens: Int
    /// True when the server sent no `usage` and the counts come from `TokenEstimator`.
    public var estimated: Bool

    public init(promptTokens: Int, completionTokens: Int, estimated: Bool = false) {
        self.promptTokens = promptTokens
        self.completionTokens = completionTokens
        self.estimated = estimated
    }

    public var totalTokens: Int { promptTokens + completionTokens }

    public static let zero = TokenUsage(promptTokens: 0, completionTokens: 0)

    public static func + (lhs: TokenUsage, rhs: TokenUsage) -> TokenUsage {
        TokenUsage(
            promptTokens: lhs.promptTokens + rhs.promptTokens,
            completionTokens: lhs.completionTokens + rhs.completionTokens,
            estimated: lhs.estimated || rhs.estimated
        )
    }
}
