/// Writes and reads `documents` and their `chunks`: the passages that document Q&A is grounded in.
public struct DocumentStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// A document to insert: one file, or one record of a JSON/JSONL file (`recordLine` set).
    public struct NewDocument: Sendable {
        public var path: String
        public var recordLine: Int?
        /// SHA-256 hex of the document's text bytes.
        public var contentHash: String
        public var title: String?
        public var language: String
        /// `text`, `markdown`, `json` or `jsonl` (CHECKed).
        public var format: String
        public var bytes: Int
        public var chunkTokens: Int
        public var overlap: Int
        public var runID: Int64

        public init(
            path: String, recordLine: Int?, contentHash: String, title: String?, language: String, format: String,
            bytes: Int, chunkTokens: Int, overlap: Int, runID: Int64
        ) {
            self.path = path
            self.recordLine = recordLine
            self.contentHash = contentHash
            self.title = title
            self.language = language
            self.format = format
            self.bytes = bytes
            self.chunkTokens = chunkTokens
            self.overlap = overlap
            self.runID = runID
        }
    }

    /// A chunk to insert. Character offsets count Unicode scalars from the start of the document text,
    /// `charEnd` exclusive; lines are 1-based and inclusive.
    public struct NewChunk: Sendable {
        public var seq: Int
        public var text: String
        /// JSON array of the enclosing headings, outermost first.
        public var headingPathJSON: String
        public var charStart: Int
        public var charEnd: Int
        public var lineStart: Int
        public var lineEnd: Int
        public var tokens: Int
        public var language: String

        public init(
            seq: Int, text: String, headingPathJSON: String, charStart: Int, charEnd: Int, lineStart: Int,
            lineEnd: Int, tokens: Int, language: String
        ) {
            self.seq = seq
            self.text = text
            self.headingPathJSON = headingPathJSON
            self.charStart = charStart
            self.charEnd = charEnd
            self.lineStart = lineStart
            self.lineEnd = lineEnd
            self.tokens = tokens
            self.language = language
        }
    }

    /// The id of an earlier import of the same text from the same place with the same chunking, if any.
    public func existing(path: String, recordLine: Int?, contentHash: String, chunkTokens: Int, overlap: Int) throws -> Int64? {
        try database.scalar(
            """
            SELECT id FROM documents WHERE path = ? AND record_line IS ? AND content_hash = ?
                AND chunk_tokens = ? AND overlap = ? ORDER BY id LIMIT 1
            """,
            [.text(path), SQLValue(recordLine.map(Int64.init)), .text(contentHash), .integer(Int64(chunkTokens)),
             .integer(Int64(overlap))]
        ).intValue
    }

    /// Inserts a document with its chunks; returns the document id. Call inside a transaction.
    @discardableResult
    public func insert(_ document: NewDocument, chunks: [NewChunk]) throws -> Int64 {
        try database.execute(
            """
            INSERT INTO documents (path, record_line, content_hash, title, language, format, bytes, chunk_tokens,
                overlap, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(document.path), SQLValue(document.recordLine.map(Int64.init)), .text(document.contentHash),
             SQLValue(document.title), .text(document.language), .text(document.format),
             .integer(Int64(document.bytes)), .integer(Int64(document.chunkTokens)),
             .integer(Int64(document.overlap)), .integer(document.runID)])
        let documentID = database.lastInsertRowID
        for chunk in chunks {
            try database.execute(
                """
                INSERT INTO chunks (document_id, seq, text, heading_path, char_start, char_end, line_start, line_end,
                    tokens, language, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
                [.integer(documentID), .integer(Int64(chunk.seq)), .text(chunk.text), .text(chunk.headingPathJSON),
                 .integer(Int64(chunk.charStart)), .integer(Int64(chunk.charEnd)), .integer(Int64(chunk.lineStart)),
                 .integer(Int64(chunk.lineEnd)), .integer(Int64(chunk.tokens)), .text(chunk.language),
                 .integer(document.runID)])
        }
        return documentID
    }

    /// One row of the `document_chunks` view (chunk with its document's path and title), by chunk id.
    public func chunk(id: Int64) throws -> Row? {
        try database.first("SELECT * FROM document_chunks WHERE chunk_id = ?", [.integer(id)])
    }
}
