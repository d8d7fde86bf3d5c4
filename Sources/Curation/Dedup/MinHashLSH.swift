import Dispatch

/// Near-duplicate detection: MinHash signatures bucketed by LSH bands to propose candidate pairs, every
/// candidate verified by exact Jaccard (in doubles, `>=` inclusive), verified pairs clustered with
/// union–find, one survivor per cluster.
///
/// Bands and rows are chosen for recall, not for balance: the smallest band height whose chance of
/// missing a pair at exactly the threshold is below `maxMissProbability` (128 permutations at 0.8 →
/// 25 bands of 5 rows, miss chance 5e-5), accepting more candidates since verification is cheap.
public struct MinHashLSH: Sendable {
    public var threshold: Double
    public var shingling: Shingling
    public var minHash: MinHash
    public var policy: SurvivorPolicy
    public var bands: Int
    public var rows: Int

    /// Counts from the last run, for reports and benchmarks.
    public struct Statistics: Sendable, Equatable {
        /// Pairs proposed by the LSH buckets (before verification; repeats across bands included).
        public var candidatePairs = 0
        /// Pairs whose exact Jaccard was computed.
        public var verifiedPairs = 0
        /// Pairs accepted (Jaccard ≥ threshold).
        public var acceptedPairs = 0
        /// Pairs reported as duplicates without a verification (always 0; kept to prove it).
        public var unverifiedPairs = 0
    }

    public init(threshold: Double = 0.8, permutations: Int = 128, shingling: Shingling = .word,
                policy: SurvivorPolicy = .bestScore, maxMissProbability: Double = 1e-4) {
        self.threshold = threshold
        self.shingling = shingling
        self.policy = policy
        minHash = MinHash(permutations: permutations)
        (bands, rows) = Self.bandsAndRows(threshold: threshold, permutations: permutations,
                                         maxMissProbability: maxMissProbability)
    }

    /// The (bands, rows) with the most rows whose miss probability (1 − t^r)^b at t stays within bounds.
    public static func bandsAndRows(threshold t: Double, permutations: Int, maxMissProbability: Double) -> (Int, Int) {
        var best = (permutations, 1)
        for r in 1...max(1, permutations) {
            let b = permutations / r
            if b < 1 { break }
            let miss = power(1 - power(t, r), b)
            if miss <= maxMissProbability { best = (b, r) }
        }
        return best
    }

    /// x raised to a non-negative integer power, by repeated multiplication.
    static func power(_ x: Double, _ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= x }
        return result
    }

    /// Duplicates among `records` (one match per dropped record) and run statistics.
    public func duplicates(_ records: [DedupRecord]) -> (matches: [DuplicateMatch], statistics: Statistics) {
        let n = records.count
        let perms = minHash.permutations
        let shingling = self.shingling, minHash = self.minHash
        // Shingles and signatures, computed on all cores; each chunk writes its own slots.
        let shingleSlots = ChunkResults<[UInt64]>(repeating: [], count: n)
        var signatures = [UInt32](repeating: .max, count: n * perms)
        let chunk = 512
        let chunks = (n + chunk - 1) / chunk
        signatures.withUnsafeMutableBufferPointer { buffer in
            let base = SignatureBuffer(buffer)
            DispatchQueue.concurrentPerform(iterations: chunks) { c in
                for i in (c * chunk)..<min(n, (c + 1) * chunk) {
                    let s = shingling.shingles(records[i].text)
                    shingleSlots.set(i, s)
                    minHash.signature(s, into: base.pointer + i * perms)
                }
            }
        }
        let shingles = shingleSlots.values

        // Candidate pairs per band, bands on all cores: sort (bandKey << 20 | index) and pair equal keys.
        let rows = self.rows
        let bandPairs = ChunkResults<[UInt64]>(repeating: [], count: bands)
        let indexBits: UInt64 = n < (1 << 20) ? 20 : 32
        let indexMask: UInt64 = (1 << indexBits) - 1
        signatures.withUnsafeBufferPointer { sig in
            let signatureBase = ReadOnlySignatures(sig)
            DispatchQueue.concurrentPerform(iterations: bands) { band in
                var keys = [UInt64]()
                keys.reserveCapacity(n)
                for i in 0..<n where !shingles[i].isEmpty {
                    var h: UInt64 = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
                    let row = signatureBase.pointer + (i * perms + band * rows)
                    for k in 0..<rows { h = UnitHashes.finish(h ^ UInt64(row[k])) }
                    keys.append((h << indexBits) | UInt64(i))
                }
                keys.sort()
                var pairs: [UInt64] = []
                var start = 0
                while start < keys.count {
                    let key = keys[start] >> indexBits
                    var end = start + 1
                    while end < keys.count && keys[end] >> indexBits == key { end += 1 }
                    if end - start > 1 {
                        for x in start..<end {
                            for y in (x + 1)..<end {
                                pairs.append((keys[x] & indexMask) << 32 | (keys[y] & indexMask))
                            }
                        }
                    }
                    start = end
                }
                bandPairs.set(band, pairs)
            }
        }

        // Verify every candidate by exact Jaccard, in band order (deterministic), clustering as we go.
        var stats = Statistics()
        var sets = UnionFind(count: n)
        for pairs in bandPairs.values {
            for pair in pairs {
                stats.candidatePairs += 1
                let i = Int(pair >> 32), j = Int(pair & 0xFFFF_FFFF)
                if sets.find(i) == sets.find(j) { continue }
                stats.verifiedPairs += 1
                if Shingling.jaccard(shingles[i], shingles[j]) >= threshold {
                    stats.acceptedPairs += 1
                    sets.union(i, j)
                }
            }
        }
        return (Self.clusterMatches(records, &sets, policy: policy) { i, j in
            Shingling.jaccard(shingles[i], shingles[j])
        }, stats)
    }

    /// Turns clusters into matches against each cluster's survivor.
    static func clusterMatches(_ records: [DedupRecord], _ sets: inout UnionFind, policy: SurvivorPolicy,
                               similarity: (Int, Int) -> Double) -> [DuplicateMatch] {
        // Only records joined to another get an entry, which starts with their root: every cluster has 2+ members.
        var clusters: [Int: [Int]] = [:]
        for i in records.indices {
            let root = sets.find(i)
            if root != i { clusters[root, default: [root]].append(i) }
        }
        var out: [DuplicateMatch] = []
        for cluster in clusters.values {
            let survivor = cluster.min { policy.prefers(records[$0], over: records[$1]) }!
            for m in cluster where m != survivor {
                out.append(DuplicateMatch(id: records[m].id, duplicateOf: records[survivor].id,
                                          similarity: similarity(m, survivor)))
            }
        }
        return out.sorted { $0.id < $1.id }
    }
}

/// A signature buffer shared by workers that write disjoint record ranges.
struct SignatureBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<UInt32>
    init(_ buffer: UnsafeMutableBufferPointer<UInt32>) { pointer = buffer.baseAddress! }
}

/// Read-only view of the signatures for the band workers.
struct ReadOnlySignatures: @unchecked Sendable {
    let pointer: UnsafePointer<UInt32>
    init(_ buffer: UnsafeBufferPointer<UInt32>) { pointer = buffer.baseAddress! }
}
