/// Which member of a duplicate cluster is kept (after `DedupRecord.rank`, which always comes first).
public enum SurvivorPolicy: String, Sendable, Codable {
    /// Highest score first (unscored last), then the earliest id.
    case bestScore = "best-score"
    /// The earliest id.
    case first

    /// True when `a` should survive over `b`.
    public func prefers(_ a: DedupRecord, over b: DedupRecord) -> Bool {
        if a.rank != b.rank { return a.rank < b.rank }
        if self == .bestScore {
            let sa = a.score ?? -.infinity, sb = b.score ?? -.infinity
            if sa != sb { return sa > sb }
        }
        return a.id < b.id
    }
}
