/// The most common leading words of one language's instructions — verbs in English ("write", "explain"),
/// the first two-character word in Chinese (写一, 解释) — and the share the top 20 take: the diversity view of
/// the Self-Instruct paper (Wang et al., 2023, fig. 2), where a pool dominated by a few verbs is narrow.
public struct LeadingWordTally: Sendable, Equatable {
    public let language: String
    /// Instructions that had a leading word.
    public let total: Int
    /// Up to 20 entries, most common first.
    public let top: [LabelCount]
    /// Distinct leading words.
    public let distinct: Int

    /// Fraction of `total` that starts with one of the top 20 words (0 when empty).
    public var topShare: Double { total == 0 ? 0 : Double(top.reduce(0) { $0 + $1.count }) / Double(total) }

    public init(language: String, total: Int, top: [LabelCount], distinct: Int) {
        self.language = language
        self.total = total
        self.top = top
        self.distinct = distinct
    }
}
