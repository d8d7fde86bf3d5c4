/// A reply no score could be read from, with the reason in words ("no score found", "score 11 is outside 1–10").
public struct ScoreParseFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public var reason: String

    public init(_ reason: String) { self.reason = reason }

    public var description: String { reason }
}
