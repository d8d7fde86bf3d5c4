/// Picks the example tasks shown in one generation prompt: `seedCount` seed tasks and up to `machineCount`
/// machine-generated ones (fewer seeds fill the gap when the machine pool is small). Deterministic for a
/// given `promptIndex` and `runSeed`, so a resumed run rebuilds the same prompts and hits the cache.
public struct PoolSampler: Sendable, Hashable {
    public var seedCount: Int
    public var machineCount: Int
    public var runSeed: UInt64

    public init(seedCount: Int = 6, machineCount: Int = 2, runSeed: UInt64 = 0) {
        self.seedCount = max(0, seedCount)
        self.machineCount = max(0, machineCount)
        self.runSeed = runSeed
    }

    /// Seeds first, then machine tasks, each group in sampled order.
    public func sample<T>(seeds: [T], machine: [T], promptIndex: Int) -> [T] {
        var generator = SplitMix64(seed: runSeed &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(truncatingIfNeeded: promptIndex))
        let fromMachine = Self.choose(min(machineCount, machine.count), from: machine, using: &generator)
        let seedTarget = seedCount + (machineCount - fromMachine.count)
        let fromSeeds = Self.choose(min(seedTarget, seeds.count), from: seeds, using: &generator)
        return fromSeeds + fromMachine
    }

    /// `count` distinct elements by a partial Fisher–Yates shuffle.
    static func choose<T>(_ count: Int, from items: [T], using generator: inout SplitMix64) -> [T] {
        guard count > 0 else { return [] }
        var indices = Array(items.indices)
        for i in 0..<count {
            let j = i + Int(generator.next() % UInt64(indices.count - i))
            indices.swapAt(i, j)
        }
        return indices.prefix(count).map { items[$0] }
    }
}
