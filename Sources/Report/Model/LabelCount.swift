/// A label and how many rows have it: one bar of a count chart (an origin, a failing filter, a leading word).
public struct LabelCount: Sendable, Equatable {
    public let label: String
    public let count: Int

    public init(label: String, count: Int) {
        self.label = label
        self.count = count
    }
}
