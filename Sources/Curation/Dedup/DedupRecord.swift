/// One item to deduplicate: its id (instruction id), text, and an optional quality score that makes it
/// the preferred survivor of its cluster.
public struct DedupRecord: Sendable {
    public var id: Int
    public var text: String
    public var score: Double?

    public init(id: Int, text: String, score: Double? = nil) {
        self.id = id
        self.text = text
        self.score = score
    }
}
