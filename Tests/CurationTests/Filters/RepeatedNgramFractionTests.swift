import Testing
@testable import Curation

/// The repetition rule finds repeated n-grams with an open-addressing table; the fraction it reports must equal
/// the one found by sorting the n-gram keys, on texts with and without repeats.
@Suite struct RepeatedNgramFractionTests {
    /// The reference: repeated keys found by sorting, coverage counted position by position.
    static func reference(_ units: [UInt64], n: Int, minUnits: Int) -> Double {
        guard units.count >= max(minUnits, n + 1), n > 0 else { return 0 }
        let keys = (0...(units.count - n)).map { i -> UInt64 in
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for j in i..<(i + n) { h = UnitHashes.finish(h ^ units[j]) }
            return h
        }
        let sorted = keys.sorted()
        var repeated = Set<UInt64>()
        for i in 1..<sorted.count where sorted[i] == sorted[i - 1] { repeated.insert(sorted[i]) }
        var covered = [Bool](repeating: false, count: units.count)
        for (i, key) in keys.enumerated() where repeated.contains(key) {
            for j in i..<(i + n) { covered[j] = true }
        }
        return Double(covered.filter { $0 }.count) / Double(units.count)
    }

    @Test func fractionEqualsTheSortingReference() {
        var generator = SystemRandomNumberGenerator()
        var nonZero = 0
        for trial in 0..<400 {
            let vocabulary = [2, 5, 40, 10_000][trial % 4]
            let units = (0..<Int.random(in: 0...300, using: &generator)).map { _ in
                UnitHashes.finish(UInt64.random(in: 0..<UInt64(vocabulary), using: &generator))
            }
            for n in [1, 3, 5] {
                let fraction = RepetitionRule.repeatedNgramFraction(units, n: n, minUnits: 10)
                #expect(fraction == Self.reference(units, n: n, minUnits: 10), "trial \(trial), n \(n)")
                if fraction > 0 { nonZero += 1 }
            }
        }
        #expect(nonZero > 100)
    }
}
