/// One cell of the generation/evolution funnel: the instructions made at one depth by one strategy (or origin,
/// for rows without a strategy), how many a filter eliminated and why, and how many survived.
public struct FunnelStep: Sendable, Equatable {
    public let depth: Int
    /// The evolution strategy, or the origin (seed, imported, generated…) for rows without one.
    public let strategy: String
    public let made: Int
    /// Instructions with at least one failing latest verdict on the instruction itself.
    public let eliminated: Int
    /// Failing filters and how many of the step's instructions each failed (one may fail several).
    public let reasons: [LabelCount]

    public var survived: Int { made - eliminated }

    public init(depth: Int, strategy: String, made: Int, eliminated: Int, reasons: [LabelCount]) {
        self.depth = depth
        self.strategy = strategy
        self.made = made
        self.eliminated = eliminated
        self.reasons = reasons
    }
}
