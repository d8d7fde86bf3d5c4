import Testing
@testable import Synthesis

@Suite("Evol round planning")
struct EvolRoundPlannerTests {
    let strategies = EvolutionStrategy.allCases.map(\.rawValue)

    @Test("plans are reproducible from the seed and independent of the other parents")
    func reproducible() {
        let planner = EvolutionRoundPlanner(strategies: strategies, seed: 7)
        let parents = (1...50).map { EvolutionParent(id: Int64($0)) }
        let first = planner.plan(round: 1, parents: parents)
        #expect(first == planner.plan(round: 1, parents: parents))
        let subset = planner.plan(round: 1, parents: Array(parents[10..<20]))
        #expect(subset == Array(first[10..<20]))
        let other = EvolutionRoundPlanner(strategies: strategies, seed: 8).plan(round: 1, parents: parents)
        #expect(other.map(\.strategy) != first.map(\.strategy))
        #expect(first.allSatisfy { $0.round == 1 && $0.slot == 0 })
    }

    @Test("strategies are drawn roughly uniformly")
    func uniform() {
        let planner = EvolutionRoundPlanner(strategies: strategies, seed: 1)
        let plan = planner.plan(round: 1, parents: (1...6000).map { EvolutionParent(id: Int64($0)) })
        let counts = Dictionary(grouping: plan, by: \.strategy).mapValues(\.count)
        #expect(counts.count == strategies.count)
        #expect(counts.values.allSatisfy { (850...1150).contains($0) })
    }

    @Test("K evolutions per instruction get distinct strategies and seeds")
    func perInstruction() {
        let planner = EvolutionRoundPlanner(strategies: ["deepen", "breadth", "reasoning"], perInstruction: 3, seed: 3)
        let plan = planner.plan(round: 2, parents: [EvolutionParent(id: 9)])
        #expect(plan.map(\.slot) == [0, 1, 2])
        #expect(Set(plan.map(\.strategy)) == ["deepen", "breadth", "reasoning"])
        #expect(Set(plan.map(\.seed)).count == 3)
        let more = EvolutionRoundPlanner(strategies: ["deepen"], perInstruction: 2, seed: 3).plan(round: 1, parents: [EvolutionParent(id: 9)])
        #expect(more.map(\.strategy) == ["deepen", "deepen"] && more[0].seed != more[1].seed)
    }

    @Test("survivors go on; a failed parent is retried next round with a different strategy")
    func retriesFailedParents() {
        let planner = EvolutionRoundPlanner(strategies: strategies, seed: 11)
        let round1 = planner.plan(round: 1, parents: [EvolutionParent(id: 1), EvolutionParent(id: 2)])
        let outcomes = [
            EvolutionOutcome(planned: round1[0], childID: 101, survived: true),
            EvolutionOutcome(planned: round1[1], childID: 102, survived: false),
        ]
        let next = EvolutionRoundPlanner.nextParents(after: outcomes)
        #expect(next == [EvolutionParent(id: 101, key: round1[0].seed), EvolutionParent(id: 2, avoid: [round1[1].strategy])])
        // A child is planned by the seed of the evolution that made it, not by its row id.
        #expect(next[0].key != 101)
        // Whatever the seed, the retry never repeats the failed strategy.
        for seed in UInt64(0)..<200 {
            let retry = EvolutionRoundPlanner(strategies: strategies, seed: seed).plan(round: 2, parents: [next[1]])
            #expect(retry[0].strategy != round1[1].strategy)
            #expect(retry[0].parentID == 2 && retry[0].round == 2)
        }
    }

    @Test("with a single strategy a retry still happens, with that strategy")
    func singleStrategyRetry() {
        let planner = EvolutionRoundPlanner(strategies: ["deepen"], seed: 0)
        let plan = planner.plan(round: 2, parents: [EvolutionParent(id: 5, avoid: ["deepen"])])
        #expect(plan.map(\.strategy) == ["deepen"])
    }

    @Test("SplitMix64 matches the reference sequence for seed 0")
    func splitMixReference() {
        var generator = SplitMix64(seed: 0)
        #expect(generator.next() == 0xE220_A839_7B1D_CDAF)
        #expect(generator.next() == 0x6E78_9E6A_A1B9_65F4)
    }
}
