/// One item to deduplicate: its id (instruction id), text, and an optional quality score that makes it
/// the preferred survivor of its cluster.
public struct DedupRecord: Sendable {
    public var id: Int
    public var text: String
    public var score: Double?
    /// Lower ranks survive first whatever the policy (e.g. 1 for rows that failed a filter, so a clean
    /// copy is kept over a flagged one).
    public var rank: Int

    public init(id: Int, text: String, score: Double? = nil, rank: Int = 0) {
        self.id = id
        self.text = text
        self.score = score
        self.rank = rank
    }
}
