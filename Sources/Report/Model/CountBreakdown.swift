/// Instruction counts along one dimension (origin, language, task type), largest first.
public struct CountBreakdown: Sendable, Equatable {
    /// One value of the dimension and how many instructions have it.
    public struct Entry: Sendable, Equatable {
        public let label: String
        public let count: Int
        public init(label: String, count: Int) {
            self.label = label
            self.count = count
        }
    }

    /// The dimension's name, e.g. "origin".
    public let dimension: String
    public let entries: [Entry]

    public init(dimension: String, entries: [Entry]) {
        self.dimension = dimension
        self.entries = entries
    }
}
