/// Exact Jaccard |A∩B| / |A∪B| of two sorted distinct shingle runs, decided against a threshold without wasted
/// work. For every size total |A| + |B| up to `maxTotal` it precomputes the smallest shared count whose
/// similarity — the same double `Shingling.jaccard` gives, `Double(c) / Double(total − c)` — reaches the
/// threshold (the similarity grows with the shared count, and rounding keeps that order). A pair whose smaller set
/// is below that count is rejected without a merge, and a merge stops as soon as one side has skipped more
/// shingles than it can spare.
struct JaccardThreshold: Sendable {
    let threshold: Double
    /// `need[total]`: the smallest shared count reaching the threshold, or Int32.max when none can.
    private let need: [Int32]

    init(threshold: Double, maxTotal: Int) {
        self.threshold = threshold
        need = (0...max(0, maxTotal)).map { total in
            // The shared count is at most total / 2 (it cannot exceed the smaller set).
            var c = max(0, Int(threshold * Double(total) / (1 + threshold)) - 1)
            while c <= total / 2 && Double(c) / Double(total - c) < threshold { c += 1 }
            return c <= total / 2 && total > 0 ? Int32(c) : .max
        }
    }

    /// Whether two sets with these sizes and 64-bit shingle masks (bit `h >> 58` set for each shingle hash h)
    /// cannot reach the threshold, decided without reading a shingle: each mask bit that one set has and the
    /// other lacks stands for at least one shingle of the first that the second lacks, so more such bits than
    /// the set may spare rules the pair out exactly. False means "merge to find out", never a similarity.
    @inline(__always)
    func cannotReach(countA: Int, countB: Int, maskA: UInt64, maskB: UInt64) -> Bool {
        if countA == 0 || countB == 0 { return true }
        let total = countA + countB
        let need = total < self.need.count ? Int(self.need[total]) : Self.need(threshold, total)
        let spareA = countA - need, spareB = countB - need
        if spareA < 0 || spareB < 0 { return true }
        return (maskA & ~maskB).nonzeroBitCount > spareA || (maskB & ~maskA).nonzeroBitCount > spareB
    }

    /// The similarity of `a` and `b` when it reaches the threshold, else nil (also for an empty set).
    @inline(__always)
    func similarity(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>) -> Double? {
        if a.isEmpty || b.isEmpty { return nil }
        let total = a.count + b.count
        let need = total < self.need.count ? Int(self.need[total]) : Self.need(threshold, total)
        // How many shingles each side may have that the other lacks.
        var spareA = a.count - need, spareB = b.count - need
        if spareA < 0 || spareB < 0 { return nil }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            let x = a[i], y = b[j]
            if x == y {
                common += 1; i += 1; j += 1
            } else if x < y {
                spareA -= 1; i += 1
                if spareA < 0 { return nil }
            } else {
                spareB -= 1; j += 1
                if spareB < 0 { return nil }
            }
        }
        return common >= need ? Double(common) / Double(total - common) : nil
    }

    /// The smallest shared count reaching `threshold` for a size total beyond the table.
    static func need(_ threshold: Double, _ total: Int) -> Int {
        var c = max(0, Int(threshold * Double(total) / (1 + threshold)) - 1)
        while c <= total / 2 && Double(c) / Double(total - c) < threshold { c += 1 }
        return c <= total / 2 ? c : Int.max / 4
    }
}
