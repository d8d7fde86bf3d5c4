/// Finds records whose texts are equal after `TextNormalizer.canonical` (case, width, whitespace and
/// punctuation ignored). Keys are the canonical strings themselves, so there are no hash collisions.
public struct ExactDeduplicator: Sendable {
    public var policy: SurvivorPolicy

    public init(policy: SurvivorPolicy = .bestScore) {
        self.policy = policy
    }

    /// One match per dropped record, pointing at its cluster's survivor, sorted by dropped id.
    public func duplicates(_ records: [DedupRecord]) -> [DuplicateMatch] {
        duplicates(records, keys: records.map { Self.key($0.text) })
    }

    /// The comparison key of a text: its canonical form (`TextNormalizer.canonical`); empty keys match nothing.
    public static func key(_ text: String) -> String { TextNormalizer.canonical(text) }

    /// A 64-bit hash of a text's comparison key (FNV-1a over its UTF-8, then the SplitMix64 finaliser), stable
    /// across runs and machines; nil for an empty key (it matches nothing). Equal keys hash equally; records
    /// with equal hashes are candidates whose keys `duplicates(_:keys:)` compares exactly, so a hash collision
    /// never makes a duplicate.
    public static func keyHash(_ text: String) -> UInt64? {
        let key = self.key(text)
        if key.isEmpty { return nil }
        var h = UnitHashes.offset
        for byte in key.utf8 { h = (h ^ UInt64(byte)) &* UnitHashes.prime }
        return UnitHashes.finish(h)
    }

    /// The positions (ascending) of the hashes that occur more than once: the records that may have an exact
    /// duplicate, whose keys must be compared.
    public static func collidingPositions(_ hashes: [UInt64]) -> [Int] {
        let order = hashes.indices.sorted { (hashes[$0], $0) < (hashes[$1], $1) }
        var out: [Int] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && hashes[order[end]] == hashes[order[start]] { end += 1 }
            if end - start > 1 { out += order[start..<end] }
            start = end
        }
        return out.sorted()
    }

    /// Like `duplicates(_:)` with the keys computed by the caller (`key(_:)`), so records can arrive without
    /// their texts: the records are grouped by sorting their indices by key, which holds nothing but the keys.
    public func duplicates(_ records: [DedupRecord], keys: [String]) -> [DuplicateMatch] {
        var order = keys.indices.filter { !keys[$0].isEmpty }
        order.sort { keys[$0] < keys[$1] }
        var out: [DuplicateMatch] = []
        var start = 0
        while start < order.count {
            var end = start + 1
            while end < order.count && keys[order[end]] == keys[order[start]] { end += 1 }
            if end - start > 1 {
                let members = order[start..<end]
                let survivor = members.min { policy.prefers(records[$0], over: records[$1]) }!
                for m in members where m != survivor {
                    out.append(DuplicateMatch(id: records[m].id, duplicateOf: records[survivor].id, similarity: 1))
                }
            }
            start = end
        }
        return out.sorted { $0.id < $1.id }
    }
}
