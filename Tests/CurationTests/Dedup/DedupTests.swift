import Testing
@testable import Curation

@Suite struct DedupTests {
    @Test func exactDuplicatesIgnoreCaseWidthAndPunctuation() {
        let records = [
            DedupRecord(id: 1, text: "Hello, world!"),
            DedupRecord(id: 2, text: "hello world"),
            DedupRecord(id: 3, text: "ＨＥＬＬＯ　ＷＯＲＬＤ", score: 9),
            DedupRecord(id: 4, text: "Hello there"),
            DedupRecord(id: 5, text: "你好，世界"),
            DedupRecord(id: 6, text: "你好世界！"),
        ]
        let best = ExactDeduplicator(policy: .bestScore).duplicates(records)
        #expect(best == [
            DuplicateMatch(id: 1, duplicateOf: 3, similarity: 1),
            DuplicateMatch(id: 2, duplicateOf: 3, similarity: 1),
            DuplicateMatch(id: 6, duplicateOf: 5, similarity: 1),
        ])
        let first = ExactDeduplicator(policy: .first).duplicates(records)
        #expect(first.map(\.duplicateOf) == [1, 1, 5])
    }

    @Test func jaccardIsExactAndInclusive() {
        let a = Shingling.word.shingles("a b c d e f g h i j")
        let b = Shingling.word.shingles("a b c d e f g h k l")
        #expect(Shingling.jaccard(a, b) == 8.0 / 12.0)
        // Exactly 0.8: 8 shared of 10 in the union.
        let c = Shingling.word.shingles("w1 w2 w3 w4 w5 w6 w7 w8 w9")
        let d = Shingling.word.shingles("w1 w2 w3 w4 w5 w6 w7 w8 w10")
        #expect(Shingling.jaccard(c, d) == 0.8)
        let matches = MinHashLSH(threshold: 0.8).duplicates([DedupRecord(id: 1, text: "w1 w2 w3 w4 w5 w6 w7 w8 w9"),
                                                             DedupRecord(id: 2, text: "w1 w2 w3 w4 w5 w6 w7 w8 w10")]).matches
        #expect(matches == [DuplicateMatch(id: 2, duplicateOf: 1, similarity: 0.8)])
    }

    @Test func shinglingOptions() {
        #expect(Shingling("word") == .word)
        #expect(Shingling("char-3") == .characters(3))
        #expect(Shingling("char-0") == nil)
        #expect(Shingling("bogus") == nil)
        // Chinese uses character bigrams in word mode.
        #expect(Shingling.word.shingles("今天天气").count == 3)
        #expect(Shingling.word.shingles("Hello HELLO hello").count == 1)
        #expect(Shingling.characters(3).shingles("abcd").count == 2)
    }

    @Test func bandsAndRowsFavourRecall() {
        let (b, r) = MinHashLSH.bandsAndRows(threshold: 0.8, permutations: 128, maxMissProbability: 1e-4)
        #expect(b == 25 && r == 5)
        var miss = 1.0
        for _ in 0..<b { miss *= 1 - MinHashLSH.power(0.8, r) }
        #expect(miss < 1e-4)
    }

    /// Builds two texts over distinct tokens with |A∩B| = shared and |A∪B| = shared + 2·extra.
    static func pair(_ base: Int, shared: Int, extra: Int) -> (String, String) {
        let common = (0..<shared).map { "t\(base)x\($0)" }
        let a = common + (0..<extra).map { "a\(base)y\($0)" }
        let b = common + (0..<extra).map { "b\(base)z\($0)" }
        return (a.joined(separator: " "), b.joined(separator: " "))
    }

    @Test func minHashRecallOnPlantedNearDuplicates() {
        var records: [DedupRecord] = []
        var expectedFound: Set<Int> = []
        var expectedMissing: Set<Int> = []
        var id = 0
        // (shared, extra) → J = shared / (shared + 2·extra)
        let levels: [(Int, Int, Bool)] = [
            (40, 5, true),   // 0.80 exactly
            (34, 4, true),   // 0.81
            (17, 1, true),   // 0.894
            (45, 2, true),   // 0.918
            (60, 0, true),   // 1.0
            (39, 5, false),  // 0.796 just below
            (30, 10, false), // 0.6
            (20, 15, false), // 0.4
        ]
        for trial in 0..<60 {
            for (k, level) in levels.enumerated() {
                let (a, b) = Self.pair(trial * 100 + k, shared: level.0, extra: level.1)
                records.append(DedupRecord(id: id, text: a))
                records.append(DedupRecord(id: id + 1, text: b))
                if level.2 { expectedFound.insert(id + 1) } else { expectedMissing.insert(id + 1) }
                id += 2
            }
        }
        let (matches, stats) = MinHashLSH(threshold: 0.8).duplicates(records)
        let dropped = Set(matches.map(\.id))
        #expect(expectedFound.isSubset(of: dropped), "missed \(expectedFound.subtracting(dropped).count)")
        #expect(dropped.isDisjoint(with: expectedMissing))
        #expect(matches.allSatisfy { $0.similarity >= 0.8 && $0.duplicateOf == $0.id - 1 })
        #expect(stats.candidatePairs == stats.verifiedPairs + stats.rejectedPairs)
        #expect(stats.verifiedPairs == expectedFound.count)
    }

    /// Before the fix, two identical rows reported 25 candidate pairs (one per band) and as many "verified".
    @Test func statisticsCountDistinctPairs() {
        let identical = [
            DedupRecord(id: 1, text: "the quick brown fox jumps over the lazy dog"),
            DedupRecord(id: 2, text: "the quick brown fox jumps over the lazy dog"),
        ]
        let stats = MinHashLSH(threshold: 0.8).duplicates(identical).statistics
        #expect(stats == MinHashLSH.Statistics(candidatePairs: 1, verifiedPairs: 1, rejectedPairs: 0))
        // A low threshold collides many pairs in several bands; each still counts once and is checked once.
        var rng = SeededGenerator(seed: 9)
        let words = (0..<12).map { "u\($0)" }
        let records = (0..<120).map { id in
            DedupRecord(id: id, text: (0..<6).map { _ in words.randomElement(using: &rng)! }.joined(separator: " "))
        }
        let loose = MinHashLSH(threshold: 0.3).duplicates(records).statistics
        #expect(loose.candidatePairs <= 120 * 119 / 2)
        #expect(loose.candidatePairs == loose.verifiedPairs + loose.rejectedPairs && loose.rejectedPairs > 0)
    }

    /// Sketches made a batch at a time (as `dedup` stores them per chunk) equal those of all records at once, and
    /// verification with the shingles of the candidate records only finds exactly what comparing every record
    /// finds (checked against brute force over all pairs).
    @Test func sketchesInBatchesAndCandidateShinglesMatchTheWholeRun() {
        var records: [DedupRecord] = []
        for trial in 0..<300 {
            let (a, b) = Self.pair(trial, shared: 18, extra: trial % 3)
            records.append(DedupRecord(id: 2 * trial + 1, text: a, score: Double(trial % 7)))
            records.append(DedupRecord(id: 2 * trial + 2, text: trial % 5 == 0 ? "" : trial % 11 == 1 ? a.uppercased() : b, score: Double(trial % 5)))
        }
        let lsh = MinHashLSH(threshold: 0.8)
        let whole = lsh.sketch(records)
        var batched = BandSketches(bands: lsh.bands)
        for start in stride(from: 0, to: records.count, by: 97) {
            batched.append(lsh.sketch(Array(records[start..<min(records.count, start + 97)])))
        }
        #expect(batched == whole)
        // Empty texts (every tenth record) have no sketch; each sketch is one 32-bit hash per band.
        #expect(whole.count == records.count - 60 && whole.hashes.count == whole.count * lsh.bands)
        let candidates = lsh.candidates(in: whole)
        #expect(candidates.count < whole.count && candidates == candidates.sorted())
        let shingles = ShingleSets(shingling: .word)
        let wanted = Set(candidates.map { whole.ids[$0] })
        shingles.add(records.filter { wanted.contains($0.id) })
        #expect(shingles.records.allSatisfy { $0.text.isEmpty })
        let verified = lsh.verify(whole, shingles)
        let result = (matches: lsh.survivors(shingles.records, verified), statistics: verified.statistics)
        #expect(result.matches.count > 100)
        #expect(result.matches == lsh.duplicates(records).matches)
        // Brute force: every pair at or above the threshold is verified, none below.
        let sets = records.map { Shingling.word.shingles($0.text) }
        var above = 0
        for x in records.indices where !sets[x].isEmpty {
            for y in (x + 1)..<records.count where !sets[y].isEmpty && Shingling.jaccard(sets[x], sets[y]) >= 0.8 { above += 1 }
        }
        #expect(result.statistics.verifiedPairs == above)
        #expect(result.statistics.candidatePairs == result.statistics.verifiedPairs + result.statistics.rejectedPairs)
        // The keyed exact path agrees with the texts path, and colliding key hashes find its candidates.
        let exact = ExactDeduplicator(policy: .bestScore)
        let keyed = exact.duplicates(records.map { DedupRecord(id: $0.id, text: "", score: $0.score, rank: $0.rank) },
                                     keys: records.map { ExactDeduplicator.key($0.text) })
        #expect(!keyed.isEmpty && keyed.map(\.id) == exact.duplicates(records).map(\.id))
        let hashed = records.filter { ExactDeduplicator.keyHash($0.text) != nil }
        let colliding = ExactDeduplicator.collidingPositions(hashed.map { ExactDeduplicator.keyHash($0.text)! })
        #expect(exact.duplicates(colliding.map { hashed[$0] }) == exact.duplicates(records))
    }

    /// The early-stopping check gives exactly `Shingling.jaccard`'s double when it reaches the threshold and nil
    /// otherwise, at the boundary too (J = 0.8 exactly, thresholds that are not representable).
    @Test func thresholdedJaccardAgreesWithTheFullMerge() {
        var rng = SeededGenerator(seed: 3)
        for _ in 0..<3000 {
            let universe = UInt64.random(in: 4...60, using: &rng)
            let a = Array(Set((0..<Int.random(in: 1...40, using: &rng)).map { _ in UInt64.random(in: 0..<universe, using: &rng) })).sorted()
            let b = Array(Set((0..<Int.random(in: 1...40, using: &rng)).map { _ in UInt64.random(in: 0..<universe, using: &rng) })).sorted()
            let full = Shingling.jaccard(a, b)
            for threshold in [0.0, 0.1, 0.3, 0.5, 0.7, 0.8, 0.85, 0.9, 1.0, full] {
                // A table too small for some totals exercises the computed fallback too.
                let check = JaccardThreshold(threshold: threshold, maxTotal: 50)
                let early = a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in check.similarity(a, b) } }
                #expect(early == (full >= threshold ? full : nil), "\(a) \(b) at \(threshold)")
            }
        }
    }

    /// The mask pre-check never rules out a pair the full merge accepts, and does rule out most random pairs:
    /// hashes spread over the whole 64 bits (as shingle hashes are) and hashes crowded into a few mask bits.
    @Test func maskPrecheckIsExact() {
        var rng = SeededGenerator(seed: 5)
        var ruledOut = 0, below = 0
        for round in 0..<4000 {
            let crowded = round % 2 == 1
            let pool = (0..<Int.random(in: 4...50, using: &rng)).map { _ in
                crowded ? UInt64.random(in: 0...3, using: &rng) << 58 | UInt64.random(in: 0..<(1 << 40), using: &rng)
                        : UInt64.random(in: 0...UInt64.max, using: &rng)
            }
            let a = Array(Set((0..<Int.random(in: 1...30, using: &rng)).map { _ in pool.randomElement(using: &rng)! })).sorted()
            let b = Array(Set((0..<Int.random(in: 1...30, using: &rng)).map { _ in pool.randomElement(using: &rng)! })).sorted()
            let mask = { (set: [UInt64]) in set.reduce(UInt64(0)) { $0 | 1 << ($1 >> 58) } }
            let full = Shingling.jaccard(a, b)
            for threshold in [0.5, 0.7, 0.8, 0.9, full] {
                let check = JaccardThreshold(threshold: threshold, maxTotal: 64)
                let out = check.cannotReach(countA: a.count, countB: b.count, maskA: mask(a), maskB: mask(b))
                if full >= threshold { #expect(!out, "\(a) \(b) at \(threshold)") }
                if full < threshold { below += 1; if out { ruledOut += 1 } }
            }
        }
        // Not a correctness matter, but the point of the check: most pairs below the threshold never get merged.
        #expect(ruledOut * 2 > below)
    }

    /// The radix sort of band keys orders them as a comparison sort of the 64-bit keys does.
    @Test func bandSortMatchesAComparisonSort() {
        var rng = SeededGenerator(seed: 11)
        for n in [0, 1, 2, 7, 1000, 5000] {
            // Few distinct hashes, so buckets hold many positions; positions ascending as the callers add them.
            var keys = (0..<n).map { UInt64(UInt32.random(in: 0...UInt32(max(1, n / 3)), using: &rng) &* 2_654_435_761) << 32 | UInt64($0) }
            let expected = keys.sorted()
            var scratch = [UInt64](repeating: 0, count: n)
            BandSort.byHash(&keys, scratch: &scratch)
            #expect(keys == expected)
        }
    }

    @Test func clustersKeepTheBestScoredSurvivor() {
        let records = [
            DedupRecord(id: 10, text: "the quick brown fox jumps over the lazy dog today", score: 3),
            DedupRecord(id: 11, text: "the quick brown fox jumps over the lazy dog today!", score: 8),
            DedupRecord(id: 12, text: "The quick brown fox jumps over the lazy dog, today.", score: nil),
            DedupRecord(id: 13, text: "an entirely different sentence about cooking pasta"),
        ]
        let matches = MinHashLSH(threshold: 0.8, policy: .bestScore).duplicates(records).matches
        #expect(matches.map(\.id) == [10, 12])
        #expect(matches.allSatisfy { $0.duplicateOf == 11 })
        let firstPolicy = MinHashLSH(threshold: 0.8, policy: .first).duplicates(records).matches
        #expect(firstPolicy.map(\.id) == [11, 12] && firstPolicy.allSatisfy { $0.duplicateOf == 10 })
    }

    @Test func similarityDoesNotChainThroughADroppedRecord() {
        // J(A,B) = J(B,C) = 9/11 ≥ 0.8, but J(A,C) = 8/12: C is no duplicate of A once B is dropped.
        let records = [
            DedupRecord(id: 1, text: "w1 w2 w3 w4 w5 w6 w7 w8 w9 w10"),
            DedupRecord(id: 2, text: "w1 w2 w3 w4 w5 w6 w7 w8 w9 x"),
            DedupRecord(id: 3, text: "w1 w2 w3 w4 w5 w6 w7 w8 x y"),
        ]
        let matches = MinHashLSH(threshold: 0.8, policy: .first).duplicates(records).matches
        #expect(matches == [DuplicateMatch(id: 2, duplicateOf: 1, similarity: 9.0 / 11.0)])
    }

    @Test func keptRecordsAreNeverNearDuplicatesAndDroppedOnesMatchTheirSurvivor() {
        var rng = SeededGenerator(seed: 5)
        let words = (0..<24).map { "v\($0)" }
        let records = (0..<300).map { id in
            DedupRecord(id: id, text: (0..<8).map { _ in words.randomElement(using: &rng)! }.joined(separator: " "),
                        score: Double(id % 7))
        }
        let threshold = 0.5
        let (matches, stats) = MinHashLSH(threshold: threshold).duplicates(records)
        #expect(stats.verifiedPairs > matches.count)  // chains exist in this data
        let shingles = records.map { Shingling.word.shingles($0.text) }
        let dropped = Set(matches.map(\.id))
        for m in matches {
            #expect(!dropped.contains(m.duplicateOf))
            #expect(m.similarity >= threshold)
            #expect(m.similarity == Shingling.jaccard(shingles[m.id], shingles[m.duplicateOf]))
        }
        let kept = records.indices.filter { !dropped.contains($0) }
        var keptPairsAbove = 0
        for (x, a) in kept.enumerated() {
            for b in kept[(x + 1)...] where Shingling.jaccard(shingles[a], shingles[b]) >= threshold { keptPairsAbove += 1 }
        }
        #expect(keptPairsAbove == 0)
    }

    @Test func chineseNearDuplicates() {
        let records = [
            DedupRecord(id: 1, text: "请给出三个保持健康的建议，包括饮食和运动方面"),
            DedupRecord(id: 2, text: "请给出三个保持健康的建议，包括饮食与运动方面"),
            DedupRecord(id: 3, text: "解释一下量子计算的基本原理"),
        ]
        let matches = MinHashLSH(threshold: 0.7).duplicates(records).matches
        #expect(matches.map(\.id) == [2])
    }

    @Test func rougeDeduplicator() {
        let records = [
            DedupRecord(id: 1, text: "Write a poem about the ocean."),
            DedupRecord(id: 2, text: "Write a short poem about the ocean."),
            DedupRecord(id: 3, text: "Explain how photosynthesis works."),
            DedupRecord(id: 4, text: "写一首关于大海的诗"),
            DedupRecord(id: 5, text: "写一首关于大海的短诗"),
        ]
        let matches = RougeDeduplicator(threshold: 0.7, policy: .first).duplicates(records)
        #expect(matches.map(\.id) == [2, 5])
        #expect(matches.map(\.duplicateOf) == [1, 4])
        #expect(matches.allSatisfy { $0.similarity >= 0.7 })
    }
}
