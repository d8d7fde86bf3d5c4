/// Instruction counts along one dimension (origin, language, task type), largest first.
public struct CountBreakdown: Sendable, Equatable {
    /// The dimension's name, e.g. "origin".
    public let dimension: String
    /// Each value of the dimension and how many instructions have it.
    public let entries: [LabelCount]

    public init(dimension: String, entries: [LabelCount]) {
        self.dimension = dimension
        self.entries = entries
    }
}
