/// One passage cut from a document by `DocumentChunker`.
///
/// Offsets count Unicode scalars from the start of the document text (`charEnd` exclusive), so
/// `Array(text.unicodeScalars)[charStart..<charEnd]` is exactly `text`; lines are 1-based and inclusive.
public struct DocumentChunk: Sendable, Equatable {
    public var text: String
    /// The headings enclosing the passage, outermost first (`["Install", "Linux"]`); empty for plain text.
    public var headingPath: [String]
    public var charStart: Int
    public var charEnd: Int
    public var lineStart: Int
    public var lineEnd: Int
    /// Estimated tokens (`ChunkTokenCount`: CJK per character, other text about 4 characters a token).
    public var tokens: Int

    public init(text: String, headingPath: [String], charStart: Int, charEnd: Int, lineStart: Int, lineEnd: Int, tokens: Int) {
        self.text = text
        self.headingPath = headingPath
        self.charStart = charStart
        self.charEnd = charEnd
        self.lineStart = lineStart
        self.lineEnd = lineEnd
        self.tokens = tokens
    }
}
