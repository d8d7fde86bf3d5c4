/// What became of one planned evolution; the input to planning the next round.
public struct EvolutionOutcome: Sendable, Hashable {
    /// The evolution that was attempted.
    public var planned: PlannedEvolution
    /// The evolved row's id (nil when no row was written, e.g. the model call failed).
    public var childID: Int64?
    /// True when no elimination rule fired and the child may be evolved further.
    public var survived: Bool

    public init(planned: PlannedEvolution, childID: Int64?, survived: Bool) {
        self.planned = planned
        self.childID = childID
        self.survived = survived
    }
}
