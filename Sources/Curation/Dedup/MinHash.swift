/// MinHash signatures: for each of `permutations` hash functions, the minimum hash over a set's shingles.
/// Two sets agree in one position with probability equal to their Jaccard similarity.
///
/// The hash functions are multiply-add over 64-bit shingle hashes keeping the high 32 bits, seeded
/// deterministically, so signatures are identical across runs and machines.
public struct MinHash: Sendable {
    public let permutations: Int
    private let multipliers: [UInt64]
    private let increments: [UInt64]

    public init(permutations: Int = 128, seed: UInt64 = 1) {
        self.permutations = permutations
        var state = seed
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            return UnitHashes.finish(state)
        }
        multipliers = (0..<permutations).map { _ in next() | 1 }
        increments = (0..<permutations).map { _ in next() }
    }

    /// Writes the signature of `shingles` to `into[0..<permutations]`. Empty sets get all-max. Four shingles are
    /// hashed per pass over the permutations, so each permutation's constants and running minimum are loaded and
    /// stored once per four shingles (the minimum does not depend on the order).
    public func signature(_ shingles: [UInt64], into: UnsafeMutablePointer<UInt32>) {
        for p in 0..<permutations { into[p] = .max }
        multipliers.withUnsafeBufferPointer { a in
            increments.withUnsafeBufferPointer { c in
                shingles.withUnsafeBufferPointer { x in
                    @inline(__always) func value(_ p: Int, _ x: UInt64) -> UInt32 {
                        UInt32(truncatingIfNeeded: (a[p] &* x &+ c[p]) >> 32)
                    }
                    var k = 0
                    while k + 4 <= x.count {
                        let x0 = x[k], x1 = x[k + 1], x2 = x[k + 2], x3 = x[k + 3]
                        for p in 0..<permutations {
                            into[p] = min(into[p], min(min(value(p, x0), value(p, x1)), min(value(p, x2), value(p, x3))))
                        }
                        k += 4
                    }
                    while k < x.count {
                        let x0 = x[k]
                        for p in 0..<permutations { into[p] = min(into[p], value(p, x0)) }
                        k += 1
                    }
                }
            }
        }
    }

    /// The signature of one shingle set.
    public func signature(_ shingles: [UInt64]) -> [UInt32] {
        var out = [UInt32](repeating: .max, count: permutations)
        out.withUnsafeMutableBufferPointer { signature(shingles, into: $0.baseAddress!) }
        return out
    }
}
