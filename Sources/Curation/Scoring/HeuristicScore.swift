/// A heuristic quality score on 0–10 with its parts, so a user can see why an example scored low.
public struct HeuristicScore: Sendable, Equatable {
    /// The weighted total, 0–10, rounded to two decimals.
    public var value: Double
    /// Each component on 0–10 (length, completeness, diversity).
    public var components: [String: Double]
    /// Measurements behind the components (units, distinct ratio, ending...).
    public var detail: [String: DetailValue]
    /// One sentence summing it up.
    public var rationale: String
}
