/// A small seedable random number generator (SplitMix64). The standard library's generator cannot be
/// seeded, and evolution plans, pool samples, shuffles and splits must be reproducible from `--seed` on every
/// machine and Swift version.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) {
        state = seed
    }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Combines several values into one well-mixed seed, so that each (seed, instruction, round, slot) gets
    /// its own independent stream and a plan does not depend on which other rows were selected.
    public static func derive(_ values: UInt64...) -> UInt64 {
        var generator = SplitMix64(seed: 0x5DEE_CE66_D1CE_4E5B)
        var result: UInt64 = 0
        for value in values {
            generator = SplitMix64(seed: generator.next() ^ value)
            result = generator.next()
        }
        return result
    }

    /// A stable 64-bit hash of a string (FNV-1a), for mixing names into seeds; `hashValue` is randomised
    /// per process and cannot be used.
    public static func stableHash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// A Fisher–Yates shuffle driven only by this generator (the standard library's `shuffle(using:)` does not
    /// promise the same order across Swift versions).
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            items.swapAt(index, other)
        }
    }
}
