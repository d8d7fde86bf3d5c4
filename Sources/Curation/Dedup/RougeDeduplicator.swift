/// Drops records whose ROUGE-L F against an already kept record reaches the threshold (the
/// Self-Instruct criterion, 0.7). Records are visited in survivor-preference order, so the kept
/// member of each group is the best-scored (or earliest) one; each dropped record points at the most
/// preferred kept record it matches.
public struct RougeDeduplicator: Sendable {
    public var threshold: Double
    public var policy: SurvivorPolicy

    public init(threshold: Double = 0.7, policy: SurvivorPolicy = .bestScore) {
        self.threshold = threshold
        self.policy = policy
    }

    public func duplicates(_ records: [DedupRecord]) -> [DuplicateMatch] {
        let order = records.indices.sorted { policy.prefers(records[$0], over: records[$1]) }
        var kept = RougeIndex()
        var keptIDs: [Int] = []
        var out: [DuplicateMatch] = []
        for i in order {
            let text = records[i].text
            if let match = kept.firstMatch(text, atLeast: threshold) {
                out.append(DuplicateMatch(id: records[i].id, duplicateOf: keptIDs[match.index],
                                          similarity: match.score.fmeasure))
            } else {
                kept.append(text)
                keptIDs.append(records[i].id)
            }
        }
        return out.sorted { $0.id < $1.id }
    }
}
