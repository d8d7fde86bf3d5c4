import Dispatch
import Foundation

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

    /// The band sketches of `records` (those with a non-empty shingle set), computed on all cores.
    public func sketch(_ records: [DedupRecord]) -> BandSketches {
        let shingling = self.shingling, minHash = self.minHash, bands = self.bands, rows = self.rows
        let slice = 256
        let slices = (records.count + slice - 1) / slice
        let results = ChunkResults(repeating: BandSketches(bands: bands), count: slices)
        DispatchQueue.concurrentPerform(iterations: slices) { s in
            var ids: [Int] = [], hashes: [UInt32] = []
            var signature = [UInt32](repeating: .max, count: minHash.permutations)
            for record in records[(s * slice) ..< min(records.count, (s + 1) * slice)] {
                let shingles = shingling.shingles(record.text)
                if shingles.isEmpty { continue }
                signature.withUnsafeMutableBufferPointer { minHash.signature(shingles, into: $0.baseAddress!) }
                ids.append(record.id)
                Self.appendBandHashes(signature, bands: bands, rows: rows, to: &hashes)
            }
            results.set(s, BandSketches(bands: bands, ids: ids, hashes: hashes))
        }
        var out = BandSketches(bands: bands)
        for part in results.values { out.append(part) }
        return out
    }

    /// Appends one hash per band of `rows` consecutive signature values.
    static func appendBandHashes(_ signature: [UInt32], bands: Int, rows: Int, to out: inout [UInt32]) {
        for band in 0..<bands {
            var h: UInt64 = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            for k in 0..<rows { h = UnitHashes.finish(h ^ UInt64(signature[band * rows + k])) }
            out.append(UInt32(truncatingIfNeeded: h >> 32))
        }
    }

    /// Duplicates among `records` (one match per dropped record) and run statistics, all in memory.
    public func duplicates(_ records: [DedupRecord]) -> (matches: [DuplicateMatch], statistics: Statistics) {
        let sketches = sketch(records)
        let wanted = Set(candidates(in: sketches).map { sketches.ids[$0] })
        let shingles = ShingleSets(shingling: shingling)
        shingles.add(records.filter { wanted.contains($0.id) }.sorted { $0.id < $1.id })
        let verified = verify(sketches, shingles)
        return (survivors(shingles.records, verified), verified.statistics)
    }

    /// The positions (ascending) of the sketches that share a bucket with another sketch in at least one band:
    /// the records that take part in a candidate pair, whose shingles verification needs. Bands are sorted on
    /// all cores, each worker marking in its own flags.
    public func candidates(in sketches: BandSketches) -> [Int] {
        let n = sketches.count, bands = self.bands
        let workers = min(bands, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let flags = ChunkResults(repeating: [Bool](), count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            sketches.hashes.withUnsafeBufferPointer { hashes in
                var marked = [Bool](repeating: false, count: n)
                var keys = [UInt64](repeating: 0, count: n), scratch = [UInt64](repeating: 0, count: n)
                for band in stride(from: worker, to: bands, by: workers) {
                    for k in 0..<n { keys[k] = UInt64(hashes[k * bands + band]) << 32 | UInt64(k) }
                    BandSort.byHash(&keys, scratch: &scratch)
                    var start = 0
                    while start < n {
                        var end = start + 1
                        while end < n && keys[end] >> 32 == keys[start] >> 32 { end += 1 }
                        if end - start > 1 {
                            for x in start..<end { marked[Int(keys[x] & 0xFFFF_FFFF)] = true }
                        }
                        start = end
                    }
                }
                flags.set(worker, marked)
            }
        }
        let all = flags.values
        return (0..<n).filter { k in all.contains { $0[k] } }
    }

    /// The candidate pairs among the records of `sketches` whose exact Jaccard reaches the threshold, with the
    /// pair counts. The candidates' shingles are in `shingles` (filled from the records at `candidates(in:)`, in
    /// id order; a candidate missing there takes part in no pair); the pairs refer to its records, so a caller can
    /// release the sketches and shingles before choosing `survivors`.
    public func verify(_ sketches: BandSketches, _ shingles: ShingleSets) -> VerifiedPairs {
        let bands = self.bands
        // Sketch position → index in `shingles`, matching ids (both ascending).
        var slot = [Int32](repeating: -1, count: sketches.count)
        var members: [Int] = []
        var s = 0
        for (k, id) in sketches.ids.enumerated() {
            while s < shingles.count && shingles.records[s].id < id { s += 1 }
            if s < shingles.count && shingles.records[s].id == id { slot[k] = Int32(s); members.append(k) }
        }
        // Bands on all cores: sort (bandHash << 32 | position) of the candidates, pair the positions with equal
        // hashes and verify each pair by exact Jaccard on the spot, so candidate pairs are never stored (at low
        // thresholds there are hundreds of millions).
        let m = members.count
        var largest = 0
        for k in 0..<shingles.count { largest = max(largest, shingles.shingles(k).count) }
        let jaccard = JaccardThreshold(threshold: threshold, maxTotal: min(2 * largest, 1 << 16))
        let workers = min(bands, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let bandResults = ChunkResults(repeating: BandResult(), count: workers)
        let slots = slot, positions = members
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            sketches.hashes.withUnsafeBufferPointer { hashes in
                var keys = [UInt64](repeating: 0, count: m), scratch = [UInt64](repeating: 0, count: m)
                var result = BandResult()
                for band in stride(from: worker, to: bands, by: workers) {
                    for (x, k) in positions.enumerated() { keys[x] = UInt64(hashes[k * bands + band]) << 32 | UInt64(k) }
                    BandSort.byHash(&keys, scratch: &scratch)
                    var start = 0
                    while start < m {
                        let key = keys[start] >> 32
                        var end = start + 1
                        while end < m && keys[end] >> 32 == key { end += 1 }
                        for x in start..<end {
                            let i = Int(keys[x] & 0xFFFF_FFFF)
                            for y in (x + 1)..<end {
                                let j = Int(keys[y] & 0xFFFF_FFFF)
                                // A pair is handled in the first band where its band hashes agree, so it is
                                // counted and verified once.
                                if Self.shareBand(hashes, i, j, bands: bands, below: band) { continue }
                                result.candidates += 1
                                // Sizes and masks sit in small arrays: most candidates are ruled out there
                                // without touching their shingles.
                                let si = Int(slots[i]), sj = Int(slots[j])
                                if jaccard.cannotReach(countA: shingles.count(si), countB: shingles.count(sj),
                                                       maskA: shingles.mask(si), maskB: shingles.mask(sj)) { continue }
                                let a = shingles.shingles(si), b = shingles.shingles(sj)
                                if let similarity = jaccard.similarity(a, b) {
                                    result.accepted.append(VerifiedPair(i: slots[i], j: slots[j], similarity: similarity))
                                }
                            }
                        }
                        start = end
                    }
                }
                bandResults.set(worker, result)
            }
        }

        // Each pair was handled in one band only, so the workers' results add up without repeats.
        var out = VerifiedPairs()
        for result in bandResults.values {
            out.statistics.candidatePairs += result.candidates
            out.statistics.verifiedPairs += result.accepted.count
            out.parts.append(result.accepted)
        }
        out.statistics.rejectedPairs = out.statistics.candidatePairs - out.statistics.verifiedPairs
        return out
    }

    /// Whether records i and j (sketch positions) have equal hashes in some band below `limit`, compared four
    /// bands at a time.
    @inline(__always)
    static func shareBand(_ hashes: UnsafeBufferPointer<UInt32>, _ i: Int, _ j: Int, bands: Int, below limit: Int) -> Bool {
        let a = hashes.baseAddress! + i * bands, b = hashes.baseAddress! + j * bands
        var band = 0
        while band + 4 <= limit {
            let x = UnsafeRawPointer(a + band).loadUnaligned(as: SIMD4<UInt32>.self)
            let y = UnsafeRawPointer(b + band).loadUnaligned(as: SIMD4<UInt32>.self)
            if any(x .== y) { return true }
            band += 4
        }
        while band < limit {
            if a[band] == b[band] { return true }
            band += 1
        }
        return false
    }

    /// The candidate pairs that reached the threshold (as record indices of the `ShingleSets` verified on, in
    /// parts, one per worker, so they are never copied into one array) and the pair counts.
    public struct VerifiedPairs: Sendable {
        var parts: [[VerifiedPair]] = []
        public var statistics = Statistics()

        /// The records (indices) in at least one pair, ascending: the only ones whose score and rank matter.
        public func pairedRecords() -> [Int] {
            var seen = Set<Int32>()
            for pairs in parts {
                for pair in pairs { seen.insert(pair.i); seen.insert(pair.j) }
            }
            return seen.map { Int($0) }.sorted()
        }
    }

    /// What one worker found in its bands: how many candidate pairs it verified and those that reached the
    /// threshold.
    struct BandResult: Sendable {
        var candidates = 0
        var accepted: [VerifiedPair] = []
    }

    /// A candidate pair (record indices) whose exact Jaccard reached the threshold.
    struct VerifiedPair: Sendable {
        var i: Int32
        var j: Int32
        var similarity: Double

        init(i: Int32, j: Int32, similarity: Double) {
            self.i = min(i, j)
            self.j = max(i, j)
            self.similarity = similarity
        }
    }

    /// Keeps or drops the records that have verified pairs, visiting them in survivor-preference order: a
    /// record matching an already kept one is dropped and points at the most preferred of those, otherwise it
    /// is kept. So every dropped record reaches the threshold against its survivor and no two kept records
    /// do — similarity does not chain (A≈B and B≈C with A≉C keeps both A and C).
    public func survivors(_ records: [DedupRecord], _ verified: VerifiedPairs) -> [DuplicateMatch] {
        Self.survivors(records, verified.parts, policy: policy)
    }

    static func survivors(_ records: [DedupRecord], _ parts: [[VerifiedPair]], policy: SurvivorPolicy) -> [DuplicateMatch] {
        // Neighbour lists as flat arrays (compressed sparse rows) of (neighbour, similarity): a dictionary of
        // arrays costs several times the pairs' own size at millions of pairs.
        let n = records.count
        var starts = [Int](repeating: 0, count: n + 1)
        for pairs in parts {
            for pair in pairs {
                starts[Int(pair.i) + 1] += 1
                starts[Int(pair.j) + 1] += 1
            }
        }
        for k in 0..<n { starts[k + 1] += starts[k] }
        var fill = starts
        var neighbour = [Int32](repeating: 0, count: starts[n])
        var similarity = [Double](repeating: 0, count: starts[n])
        for pairs in parts {
            for pair in pairs {
                let i = Int(pair.i), j = Int(pair.j)
                neighbour[fill[i]] = pair.j; similarity[fill[i]] = pair.similarity; fill[i] += 1
                neighbour[fill[j]] = pair.i; similarity[fill[j]] = pair.similarity; fill[j] += 1
            }
        }
        fill = []
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
