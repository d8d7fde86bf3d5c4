/// Decides, reproducibly from a seed, which strategy each parent gets in each round, and which instructions
/// go on to the next round.
///
/// Each draw depends only on (seed, parent key, round, slot), never on the order or number of other parents
/// or on row ids assigned by concurrent writes, so a resumed or extended run plans exactly what the first
/// one did.
public struct EvolutionRoundPlanner: Sendable {
    /// The strategy names to draw from (deduplicated, in the given order).
    public let strategies: [String]
    /// Evolutions per parent per round (`--per-instruction K`).
    public let perInstruction: Int
    /// The run's seed (`--seed`).
    public let seed: UInt64

    public init(strategies: [String], perInstruction: Int = 1, seed: UInt64 = 0) {
        var seen = Set<String>()
        self.strategies = strategies.filter { seen.insert($0).inserted }
        self.perInstruction = max(1, perInstruction)
        self.seed = seed
    }

    /// The evolutions of one round. A parent's K slots get distinct strategies while there are enough;
    /// a retried parent avoids the strategies that failed on it (unless that would leave none).
    public func plan(round: Int, parents: [EvolutionParent]) -> [PlannedEvolution] {
        precondition(!strategies.isEmpty, "at least one strategy is needed")
        var planned: [PlannedEvolution] = []
        for parent in parents {
            var pool = strategies.filter { !parent.avoid.contains($0) }
            if pool.isEmpty { pool = strategies }
            var generator = SplitMix64(
                seed: SplitMix64.derive(seed, parent.key, UInt64(round)))
            var order = pool
            order.shuffle(using: &generator)
            for slot in 0..<perInstruction {
                // Past the pool's size, further slots draw uniformly again (their slot number keeps them apart).
                let strategy = slot < order.count ? order[slot] : pool[Int.random(in: 0..<pool.count, using: &generator)]
                let slotSeed = SplitMix64.derive(seed, parent.key, UInt64(round), UInt64(slot))
                planned.append(
                    PlannedEvolution(
                        parentID: parent.id, round: round, strategy: strategy, slot: slot, seed: slotSeed,
                        parentKey: parent.key))
            }
        }
        return planned
    }

    /// The parents of the next round: every surviving child, and every parent with a failed evolution
    /// (once, avoiding the strategies that failed on it), in first-seen order.
    public static func nextParents(after outcomes: [EvolutionOutcome]) -> [EvolutionParent] {
        var result: [EvolutionParent] = []
        var retryIndex: [Int64: Int] = [:]
        var seenChildren = Set<Int64>()
        for outcome in outcomes {
            if outcome.survived, let child = outcome.childID {
                if seenChildren.insert(child).inserted {
                    result.append(EvolutionParent(id: child, key: outcome.planned.seed))
                }
            } else {
                let parent = outcome.planned.parentID
                if let index = retryIndex[parent] {
                    result[index].avoid.insert(outcome.planned.strategy)
                } else {
                    retryIndex[parent] = result.count
                    result.append(EvolutionParent(id: parent, avoid: [outcome.planned.strategy], key: outcome.planned.parentKey))
                }
            }
        }
        return result
    }
}
