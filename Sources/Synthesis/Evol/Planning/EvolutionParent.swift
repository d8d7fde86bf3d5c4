/// An instruction that gets evolved in a round: a selected instruction (round 1), a survivor of the previous
/// round, or a parent whose evolution failed last round and is retried.
public struct EvolutionParent: Sendable, Hashable {
    /// The instruction's row id.
    public var id: Int64
    /// Strategies that failed on this parent in the previous round; the retry draws from the others.
    public var avoid: Set<String>

    public init(id: Int64, avoid: Set<String> = []) {
        self.id = id
        self.avoid = avoid
    }
}
