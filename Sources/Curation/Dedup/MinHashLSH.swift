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

        // Bands on all cores: sort (bandKey << indexBits | index), pair the records with equal keys and verify
        // each pair by exact Jaccard on the spot, so candidate pairs are never stored (at low thresholds there
        // are hundreds of millions).
        let rows = self.rows, threshold = self.threshold
        let bandResults = ChunkResults(repeating: BandResult(), count: bands)
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
                var result = BandResult()
                var start = 0
                while start < keys.count {
                    let key = keys[start] >> indexBits
                    var end = start + 1
                    while end < keys.count && keys[end] >> indexBits == key { end += 1 }
                    for x in start..<end {
                        let i = Int(keys[x] & indexMask)
                        for y in (x + 1)..<end {
                            let j = Int(keys[y] & indexMask)
                            // A pair is handled in the first band where its rows agree, so it is counted and
                            // verified once; equal keys with unequal rows (a hash collision) are no candidate.
                            let first = signatureBase.firstSharedBand(i, j, bands: band + 1, rows: rows, perms: perms)
                            guard first == band else { continue }
                            result.candidates += 1
                            let similarity = Shingling.jaccard(shingles[i], shingles[j])
                            if similarity >= threshold {
                                result.accepted.append(VerifiedPair(i: min(i, j), j: max(i, j), similarity: similarity))
                            }
                        }
                    }
                    start = end
                }
                bandResults.set(band, result)
            }
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
        return (Self.survivors(records, accepted, policy: policy), stats)
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
        var neighbours: [Int: [(index: Int, similarity: Double)]] = [:]
        for pair in pairs {
            neighbours[pair.i, default: []].append((pair.j, pair.similarity))
            neighbours[pair.j, default: []].append((pair.i, pair.similarity))
        }
        let order = neighbours.keys.sorted { policy.prefers(records[$0], over: records[$1]) }
        var keptAt: [Int: Int] = [:]  // kept record → its position in `order`
        var out: [DuplicateMatch] = []
        for (position, i) in order.enumerated() {
            let survivor = neighbours[i]!.filter { keptAt[$0.index] != nil }.min { keptAt[$0.index]! < keptAt[$1.index]! }
            if let survivor {
                out.append(DuplicateMatch(id: records[i].id, duplicateOf: records[survivor.index].id,
                                          similarity: survivor.similarity))
            } else {
                keptAt[i] = position
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

    /// The first of the first `bands` bands in which records `i` and `j` agree on every row, or nil.
    func firstSharedBand(_ i: Int, _ j: Int, bands: Int, rows: Int, perms: Int) -> Int? {
        let a = pointer + i * perms, b = pointer + j * perms
        for band in 0..<bands {
            var equal = true
            for k in (band * rows)..<((band + 1) * rows) where a[k] != b[k] {
                equal = false
                break
            }
            if equal { return band }
        }
        return nil
    }
}
