/// The similarity engine the ROUGE-L gate needs: the pool's instructions, growable, queried for the most
/// similar entries. Curation's `RougeIndex` is adapted to it; tests may use a naive implementation.
public protocol InstructionSimilarityIndex {
    /// Number of indexed texts.
    var count: Int { get }
    /// Add a text (an accepted instruction joins the pool).
    mutating func append(_ text: String)
    /// The indexed text at a position.
    func text(at index: Int) -> String
    /// Up to `k` entries, most similar first, with ROUGE-L F-measure in 0...1.
    func mostSimilar(to query: String, k: Int) -> [SimilarInstruction]
}

/// One pool entry and its ROUGE-L F-measure against a candidate.
public struct SimilarInstruction: Hashable, Sendable, Codable {
    public var index: Int
    public var instruction: String
    public var score: Double

    public init(index: Int, instruction: String, score: Double) {
        self.index = index
        self.instruction = instruction
        self.score = score
    }
}
