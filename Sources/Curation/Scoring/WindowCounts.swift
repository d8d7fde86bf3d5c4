/// The multiset of unit hashes inside a sliding window, with its number of distinct values: what the moving
/// type/token ratio needs. An open-addressing table (linear probing, backward-shift deletion) sized for the
/// window, so adding and removing a unit costs no hashing beyond the unit hash itself and no allocation.
/// Unit hashes are already avalanched (`UnitHashes.finish`), so their low bits pick the slot.
struct WindowCounts {
    private var keys: [UInt64]
    /// Occurrences per slot; 0 marks an empty slot.
    private var counts: [Int32]
    private let mask: Int
    /// Distinct values currently in the window.
    private(set) var distinct = 0

    /// A table for windows of up to `window` units (kept at most a quarter full).
    init(window: Int) {
        var capacity = 16
        while capacity < window * 4 { capacity <<= 1 }
        keys = [UInt64](repeating: 0, count: capacity)
        counts = [Int32](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    @inline(__always) private func home(_ key: UInt64) -> Int { Int(truncatingIfNeeded: key) & mask }

    @inline(__always) private func slot(_ key: UInt64) -> Int {
        var i = home(key)
        while counts[i] != 0 && keys[i] != key { i = (i + 1) & mask }
        return i
    }

    /// Adds one occurrence of `key`.
    mutating func add(_ key: UInt64) {
        let i = slot(key)
        if counts[i] == 0 {
            keys[i] = key
            distinct += 1
        }
        counts[i] += 1
    }

    /// Removes one occurrence of `key`, which must be in the window.
    mutating func remove(_ key: UInt64) {
        var hole = slot(key)
        counts[hole] -= 1
        guard counts[hole] == 0 else { return }
        distinct -= 1
        // Backward-shift deletion: move later entries of the probe run into the hole when their home slot
        // does not lie cyclically in (hole, j], so every remaining key stays reachable from its home.
        var j = hole
        while true {
            j = (j + 1) & mask
            if counts[j] == 0 { return }
            let h = home(keys[j])
            let stays = hole <= j ? (hole < h && h <= j) : (hole < h || h <= j)
            if stays { continue }
            keys[hole] = keys[j]
            counts[hole] = counts[j]
            counts[j] = 0
            hole = j
        }
    }
}
