/// A structural block of a document found by `DocumentChunker`: a heading line, a fenced code block, a
/// table, or a paragraph (blank-line separated). Ranges are Unicode-scalar offsets, `end` exclusive.
struct DocumentBlock: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case heading(level: Int, title: String)
        case code
        case table
        case paragraph
    }

    var kind: Kind
    var start: Int
    var end: Int
    /// Offsets where each of the block's lines starts (for splitting code and tables at line boundaries).
    var lineStarts: [Int]
}
