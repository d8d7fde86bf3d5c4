/// One evolution to perform: which parent, in which round, with which strategy.
public struct PlannedEvolution: Sendable, Hashable {
    /// The parent instruction's row id.
    public var parentID: Int64
    /// The round (1-based); the evolved row's depth.
    public var round: Int
    /// The strategy name (`deepen`, `breadth`, `rules:domain`, …).
    public var strategy: String
    /// Which of the `--per-instruction K` evolutions this is (0-based).
    public var slot: Int
    /// A seed derived from (run seed, parent, round, slot), for the request and for the rule augmenter, so
    /// the same evolution always produces the same request.
    public var seed: UInt64
    /// The parent's planning key (`EvolutionParent.key`), carried so a retried parent keeps it.
    public var parentKey: UInt64

    public init(parentID: Int64, round: Int, strategy: String, slot: Int, seed: UInt64, parentKey: UInt64? = nil) {
        self.parentID = parentID
        self.parentKey = parentKey ?? UInt64(bitPattern: parentID)
        self.round = round
        self.strategy = strategy
        self.slot = slot
        self.seed = seed
    }
}
