/// Plans the pairwise questions for one instruction's answers: every unordered pair once, in an order drawn
/// from a seeded generator (so which answer is shown first is random but reproducible, and a rerun plans the
/// same requests, which the `llm_calls` ledger then answers); and, for a `swapFraction` share of the pairs
/// (chosen by the same generator), the same pair again in the reversed order, marked as a swap check.
public struct PairSchedule: Sendable {
    public var seed: UInt64
    /// 0…1: share of pairs also asked in the reversed order.
    public var swapFraction: Double

    public init(seed: UInt64 = 0, swapFraction: Double = 0) {
        self.seed = seed
        self.swapFraction = swapFraction
    }

    /// The asks for `completionIDs` (any order; duplicates ignored). K answers give K(K−1)/2 pairs.
    public func asks(for completionIDs: [Int64]) -> [PairwiseAsk] {
        let ids = Array(Set(completionIDs)).sorted()
        var result: [PairwiseAsk] = []
        for (index, low) in ids.enumerated() {
            for high in ids[(index + 1)...] {
                // One generator per pair, so adding an answer later does not reshuffle the pairs already asked.
                var generator = SplitMix64(seed: seed ^ (UInt64(bitPattern: low) &* 0x9E37_79B9_7F4A_7C15) ^ (UInt64(bitPattern: high) &* 0xC2B2_AE3D_27D4_EB4F))
                let lowFirst = generator.next() & 1 == 0
                let ask = PairwiseAsk(first: lowFirst ? low : high, second: lowFirst ? high : low, swapCheck: false)
                result.append(ask)
                let draw = Double(generator.next() >> 11) / Double(1 << 53)
                if draw < swapFraction {
                    result.append(PairwiseAsk(first: ask.second, second: ask.first, swapCheck: true))
                }
            }
        }
        return result
    }
}
