/// An instruction that gets evolved in a round: a selected instruction (round 1), a survivor of the previous
/// round, or a parent whose evolution failed last round and is retried.
public struct EvolutionParent: Sendable, Hashable {
    /// The instruction's row id.
    public var id: Int64
    /// Strategies that failed on this parent in the previous round; the retry draws from the others.
    public var avoid: Set<String>
    /// What the plan's random draws are keyed on: the row id for a selected instruction, and for an evolved
    /// row the seed of the evolution that made it. Row ids of evolved rows depend on the order in which
    /// concurrent model calls finished; this key does not, so later rounds plan the same in every run.
    public var key: UInt64

    public init(id: Int64, avoid: Set<String> = [], key: UInt64? = nil) {
        self.id = id
        self.avoid = avoid
        self.key = key ?? UInt64(bitPattern: id)
    }
}
