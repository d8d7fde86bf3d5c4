/// One document read for `import --as documents`: a whole `.txt`/`.md` file, or one record of a JSON/JSONL
/// file (`recordLine`: the record's 1-based line in JSONL, the element's 1-based position in a JSON array).
public struct DocumentText: Sendable, Equatable {
    /// `text`, `markdown`, `json` or `jsonl` (the `documents.format` column).
    public var format: String
    public var text: String
    public var title: String?
    public var recordLine: Int?
    /// UTF-8 size of `text`.
    public var bytes: Int { text.utf8.count }
    /// Chunk by Markdown headings (Markdown files, and records of JSON files, which are often Markdown).
    public var isMarkdown: Bool

    public init(format: String, text: String, title: String?, recordLine: Int?, isMarkdown: Bool) {
        self.format = format
        self.text = text
        self.title = title
        self.recordLine = recordLine
        self.isMarkdown = isMarkdown
    }
}
