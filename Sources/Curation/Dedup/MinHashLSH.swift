import Dispatch

/// Near-duplicate detection: MinHash signatures bucketed by LSH bands to propose candidate pairs, every
/// candidate verified by exact Jaccard (in doubles, `>=` inclusive), then survivors chosen greedily in
/// preference order so each dropped record matches the kept record it points at.
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

    /// Counts from the last run, for reports and benchmarks. Every candidate is checked by exact Jaccard, so
    /// `candidatePairs == verifiedPairs + rejectedPairs`.
    public struct Statistics: Sendable, Equatable, Encodable {
        /// Distinct record pairs whose signatures agree on every row of at least one band (a pair colliding in
        /// several bands counts once, as datasketch's candidate set does).
        public var candidatePairs = 0
        /// Candidate pairs whose exact Jaccard reached the threshold.
        public var verifiedPairs = 0
        /// Candidate pairs below the threshold, dropped by the check.
        public var rejectedPairs = 0

        public init(candidatePairs: Int = 0, verifiedPairs: Int = 0, rejectedPairs: Int = 0) {
            self.candidatePairs = candidatePairs
            self.verifiedPairs = verifiedPairs
            self.rejectedPairs = rejectedPairs
        }

        enum CodingKeys: String, CodingKey {
            case candidatePairs = "candidate_pairs"
            case verifiedPairs = "verified_pairs"
            case rejectedPairs = "rejected_pairs"
        }
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

    /// An empty index with this configuration's shingling, permutations, bands and rows, to fill with `add`.
    public func makeIndex() -> MinHashIndex {
        MinHashIndex(shingling: shingling, minHash: minHash, bands: bands, rows: rows)
    }

    /// Duplicates among `records` (one match per dropped record) and run statistics.
    public func duplicates(_ records: [DedupRecord]) -> (matches: [DuplicateMatch], statistics: Statistics) {
        var index = makeIndex()
        index.add(records)
        return duplicates(in: index)
    }

    /// Duplicates among the records of `index`, which must come from `makeIndex()` of this configuration.
    public func duplicates(in index: MinHashIndex) -> (matches: [DuplicateMatch], statistics: Statistics) {
        let n = index.count
        let bands = self.bands, threshold = self.threshold
        // Bands on all cores: sort (bandHash << 32 | record), pair the records with equal hashes and verify each
        // pair by exact Jaccard on the spot, so candidate pairs are never stored (at low thresholds there are
        // hundreds of millions).
        let bandResults = ChunkResults(repeating: BandResult(), count: bands)
        DispatchQueue.concurrentPerform(iterations: bands) { band in
            var keys = [UInt64]()
            keys.reserveCapacity(n)
            for i in 0..<n where !index.isEmpty(i) {
                keys.append(UInt64(index.bandHash(i, band: band)) << 32 | UInt64(i))
            }
            keys.sort()
            var result = BandResult()
            var start = 0
            while start < keys.count {
                let key = keys[start] >> 32
                var end = start + 1
                while end < keys.count && keys[end] >> 32 == key { end += 1 }
                for x in start..<end {
                    let i = Int(keys[x] & 0xFFFF_FFFF)
                    for y in (x + 1)..<end {
                        let j = Int(keys[y] & 0xFFFF_FFFF)
                        // A pair is handled in the first band where its band hashes agree, so it is counted and
                        // verified once.
                        guard index.firstSharedBand(i, j, below: band) == nil else { continue }
                        result.candidates += 1
                        let similarity = index.jaccard(i, j)
                        if similarity >= threshold {
                            result.accepted.append(VerifiedPair(i: min(i, j), j: max(i, j), similarity: similarity))
                        }
                    }
                }
                start = end
            }
            bandResults.set(band, result)
        }

        // Each pair was handled in one band only, so the bands' results add up without repeats.
        var stats = Statistics()
        var accepted: [VerifiedPair] = []
        for result in bandResults.values {
            stats.candidatePairs += result.candidates
            accepted += result.accepted
        }
        stats.verifiedPairs = accepted.count
        stats.rejectedPairs = stats.candidatePairs - stats.verifiedPairs
        return (Self.survivors(index.records, accepted, policy: policy), stats)
    }

    /// What one band's worker found: how many candidate pairs it verified and those that reached the threshold.
    struct BandResult: Sendable {
        var candidates = 0
        var accepted: [VerifiedPair] = []
    }

    /// A candidate pair (record indices) whose exact Jaccard reached the threshold.
    struct VerifiedPair: Sendable {
        var i: Int
        var j: Int
        var similarity: Double
    }

    /// Keeps or drops the records that have verified pairs, visiting them in survivor-preference order: a
    /// record matching an already kept one is dropped and points at the most preferred of those, otherwise it
    /// is kept. So every dropped record reaches the threshold against its survivor and no two kept records
    /// do — similarity does not chain (A≈B and B≈C with A≉C keeps both A and C).
    static func survivors(_ records: [DedupRecord], _ pairs: [VerifiedPair], policy: SurvivorPolicy) -> [DuplicateMatch] {
        // Neighbour lists as flat arrays (compressed sparse rows): a dictionary of arrays costs several times
        // the pairs' own size at millions of pairs.
        let n = records.count
        var starts = [Int](repeating: 0, count: n + 1)
        for pair in pairs {
            starts[pair.i + 1] += 1
            starts[pair.j + 1] += 1
        }
        for k in 0..<n { starts[k + 1] += starts[k] }
        var fill = starts
        var neighbour = [Int32](repeating: 0, count: starts[n])
        var similarity = [Double](repeating: 0, count: starts[n])
        for pair in pairs {
            neighbour[fill[pair.i]] = Int32(pair.j); similarity[fill[pair.i]] = pair.similarity; fill[pair.i] += 1
            neighbour[fill[pair.j]] = Int32(pair.i); similarity[fill[pair.j]] = pair.similarity; fill[pair.j] += 1
        }
        let order = (0..<n).filter { starts[$0 + 1] > starts[$0] }
            .sorted { policy.prefers(records[$0], over: records[$1]) }
        var keptAt = [Int32](repeating: -1, count: n)  // kept record → its position in `order`, else -1
        var out: [DuplicateMatch] = []
        for (position, i) in order.enumerated() {
            var survivor = -1, best = Int32.max
            for slot in starts[i]..<starts[i + 1] {
                let at = keptAt[Int(neighbour[slot])]
                if at >= 0 && at < best { best = at; survivor = slot }
            }
            if survivor >= 0 {
                out.append(DuplicateMatch(id: records[i].id, duplicateOf: records[Int(neighbour[survivor])].id,
                                          similarity: similarity[survivor]))
            } else {
                keptAt[i] = Int32(position)
            }
        }
        return out.sorted { $0.id < $1.id }
    }
}
