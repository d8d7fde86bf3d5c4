import Testing
@testable import Curation

/// The moving type/token ratio counts a sliding window in an open-addressing table; it must give exactly what a
/// dictionary of counts gives, including when keys collide in the table and deletions shift probe runs.
@Suite struct WindowCountsTests {
    /// The reference: a dictionary of counts per window, as the scorer computed it before the table.
    static func referenceRatio(_ units: [UInt64], window: Int) -> Double {
        if units.isEmpty { return 0 }
        if units.count <= window { return Double(Set(units).count) / Double(units.count) }
        var counts: [UInt64: Int] = [:]
        for u in units[0..<window] { counts[u, default: 0] += 1 }
        var total = Double(counts.count), windows = 1
        for i in window..<units.count {
            let out = units[i - window]
            counts[out]! -= 1
            if counts[out] == 0 { counts[out] = nil }
            counts[units[i], default: 0] += 1
            total += Double(counts.count)
            windows += 1
        }
        return total / Double(windows) / Double(window)
    }

    @Test func ratioEqualsTheDictionaryReferenceOnRandomTexts() {
        var generator = SystemRandomNumberGenerator()
        for trial in 0..<300 {
            let length = Int.random(in: 0...400, using: &generator)
            let vocabulary = [3, 20, 60, 500][trial % 4]
            // Keys that share their low bits land in the same home slot: long probe runs, shifted on deletion.
            let sameSlot = trial % 3 == 0
            let units = (0..<length).map { _ -> UInt64 in
                let word = UInt64.random(in: 0..<UInt64(vocabulary), using: &generator)
                return sameSlot ? word << 20 : UnitHashes.finish(word)
            }
            for window in [5, 50] {
                #expect(HeuristicScorer.movingTypeTokenRatio(units, window: window) == Self.referenceRatio(units, window: window),
                        "trial \(trial), window \(window), \(units.count) units")
            }
        }
    }

    @Test func distinctCountFollowsAddsAndRemoves() {
        var counts = WindowCounts(window: 4)
        for key: UInt64 in [16, 32, 16, 48, 0] { counts.add(key) }
        #expect(counts.distinct == 4)
        counts.remove(16)
        #expect(counts.distinct == 4)
        counts.remove(16)
        counts.remove(32)
        #expect(counts.distinct == 2)
        // 48 and 0 stay reachable after the keys probed before them left.
        counts.add(48)
        counts.add(0)
        #expect(counts.distinct == 2)
        counts.remove(48); counts.remove(48); counts.remove(0); counts.remove(0)
        #expect(counts.distinct == 0)
    }
}
