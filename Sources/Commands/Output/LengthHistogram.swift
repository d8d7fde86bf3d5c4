/// Counts of lengths (characters or estimated tokens) from which `stats` reads p50/p90/p99/max exactly as
/// from the sorted list of all lengths (nearest rank: the value at round((n - 1) × q) of the ascending
/// list), in memory bounded by the longest length rather than by the number of texts.
struct LengthHistogram {
    /// counts[length] for lengths below `denseLimit`; longer lengths in `sparse`.
    private var counts = [Int](repeating: 0, count: 1024)
    private var sparse: [Int: Int] = [:]
    private(set) var total = 0
    private static let denseLimit = 1 << 16

    mutating func add(_ length: Int) {
        total += 1
        if length < Self.denseLimit {
            if length >= counts.count { counts += [Int](repeating: 0, count: max(length + 1, counts.count * 2) - counts.count) }
            counts[length] += 1
        } else {
            sparse[length, default: 0] += 1
        }
    }

    /// The length at 0-based `rank` of the ascending list (0 for an empty histogram).
    func value(atRank rank: Int) -> Int {
        var seen = 0
        for (length, count) in counts.enumerated() where count > 0 {
            seen += count
            if rank < seen { return length }
        }
        for (length, count) in sparse.sorted(by: { $0.key < $1.key }) {
            seen += count
            if rank < seen { return length }
        }
        return 0
    }
}
