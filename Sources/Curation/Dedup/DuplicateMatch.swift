/// A dropped record and the survivor it duplicates, with their similarity (1 for exact duplicates;
/// Jaccard for MinHash; ROUGE-L F for rouge).
public struct DuplicateMatch: Sendable, Equatable {
    public var id: Int
    public var duplicateOf: Int
    public var similarity: Double

    public init(id: Int, duplicateOf: Int, similarity: Double) {
        self.id = id
        self.duplicateOf = duplicateOf
        self.similarity = similarity
    }
}
