/// Finds records whose texts are equal after `TextNormalizer.canonical` (case, width, whitespace and
/// punctuation ignored). Keys are the canonical strings themselves, so there are no hash collisions.
public struct ExactDeduplicator: Sendable {
    public var policy: SurvivorPolicy

    public init(policy: SurvivorPolicy = .bestScore) {
        self.policy = policy
    }

    /// One match per dropped record, pointing at its cluster's survivor, sorted by dropped id.
    public func duplicates(_ records: [DedupRecord]) -> [DuplicateMatch] {
        var groups: [String: [Int]] = [:]
        for (i, r) in records.enumerated() {
            groups[TextNormalizer.canonical(r.text), default: []].append(i)
        }
        var out: [DuplicateMatch] = []
        for (key, members) in groups where members.count > 1 && !key.isEmpty {
            let survivor = members.min { policy.prefers(records[$0], over: records[$1]) }!
            for m in members where m != survivor {
                out.append(DuplicateMatch(id: records[m].id, duplicateOf: records[survivor].id, similarity: 1))
            }
        }
        return out.sorted { $0.id < $1.id }
    }
}
