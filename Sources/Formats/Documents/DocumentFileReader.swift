import Foundation

/// Reads documents for grounded Q&A from bytes: `.txt`, `.md`/`.markdown`, and `.json`/`.jsonl` whose records
/// hold the text in a field (`textField`, else `text`, else `content`; `title` when present). Strict: empty
/// files, invalid UTF-8 and binary files are `FormatError`s with the line, never half-read. Pure: bytes in.
public struct DocumentFileReader: Sendable {
    /// The field holding a JSON record's text; nil tries `text`, then `content`.
    public var textField: String?

    public init(textField: String? = nil) {
        self.textField = textField
    }

    /// File extensions this reader takes (lowercased, without the dot).
    public static let extensions: Set<String> = ["txt", "text", "md", "markdown", "json", "jsonl"]

    /// The documents in a file's bytes; `pathExtension` picks the format.
    public func documents(bytes: [UInt8], pathExtension: String) throws(FormatError) -> [DocumentText] {
        var body = bytes
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        let probe = body.prefix(8192)
        if let nul = probe.firstIndex(of: 0) {
            throw FormatError(line: UTF8Text.newlines(in: body, before: nul) + 1, field: nil,
                              reason: "binary file refused (NUL byte at offset \(nul)); documents must be UTF-8 text")
        }
        if let bad = UTF8Text.firstInvalidOffset(body) {
            throw FormatError(line: UTF8Text.newlines(in: body, before: bad) + 1, field: nil,
                              reason: "invalid UTF-8 at byte offset \(bad)")
        }
        let text = String(decoding: body, as: UTF8.self)
        if text.unicodeScalars.allSatisfy(\.properties.isWhitespace) {
            throw FormatError(line: 1, field: nil, reason: "empty document")
        }
        switch pathExtension.lowercased() {
        case "md", "markdown":
            return [DocumentText(format: "markdown", text: text, title: Self.markdownTitle(text), recordLine: nil, isMarkdown: true)]
        case "json":
            return try jsonDocuments(text)
        case "jsonl":
            return try jsonlDocuments(text)
        default:
            return [DocumentText(format: "text", text: text, title: Self.firstLine(text), recordLine: nil, isMarkdown: false)]
        }
    }

    private func jsonDocuments(_ text: String) throws(FormatError) -> [DocumentText] {
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed])
        } catch {
            throw FormatError(line: 1, field: nil, reason: "invalid JSON: \(error.localizedDescription)")
        }
        let records: [Any] = (object as? [Any]) ?? [object]
        var documents: [DocumentText] = []
        for (index, record) in records.enumerated() {
            // A JSON array has no per-record line without a streaming parser; the element number stands in.
            documents.append(try document(record, format: "json", line: index + 1, label: "element \(index + 1)"))
        }
        return documents
    }

    private func jsonlDocuments(_ text: String) throws(FormatError) -> [DocumentText] {
        var documents: [DocumentText] = []
        // Split on the LF scalar: Swift reads "\r\n" as one Character, so a Character split would leave a CRLF file
        // as one line (and U+2028, legal inside a JSON string, must not split a record either).
        for (index, line) in text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = String(String.UnicodeScalarView(line)).trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let record: Any
            do {
                record = try JSONSerialization.jsonObject(with: Data(trimmed.utf8))
            } catch {
                throw FormatError(line: index + 1, field: nil, reason: "invalid JSON: \(error.localizedDescription)")
            }
            documents.append(try document(record, format: "jsonl", line: index + 1, label: "record"))
        }
        return documents
    }

    private func document(_ record: Any, format: String, line: Int, label: String) throws(FormatError) -> DocumentText {
        guard let object = record as? [String: Any] else {
            throw FormatError(line: line, field: nil, reason: "\(label) is not a JSON object")
        }
        let candidates = textField.map { [$0] } ?? ["text", "content"]
        guard let field = candidates.first(where: { object[$0] != nil }) else {
            throw FormatError(line: line, field: candidates.first, reason: "missing text field (tried \(candidates.joined(separator: ", ")); pick one with --map FIELD)")
        }
        guard let text = object[field] as? String else {
            throw FormatError(line: line, field: field, reason: "expected a string")
        }
        guard !text.unicodeScalars.allSatisfy(\.properties.isWhitespace) else {
            throw FormatError(line: line, field: field, reason: "empty document")
        }
        let title = (object["title"] as? String) ?? Self.markdownTitle(text) ?? Self.firstLine(text)
        return DocumentText(format: format, text: text, title: title, recordLine: line, isMarkdown: true)
    }

    /// The first `# ` heading of a Markdown text.
    static func markdownTitle(_ text: String) -> String? {
        for line in text.split(maxSplits: 50, whereSeparator: \.isNewline).prefix(50) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("# ") { return trimmed.dropFirst(2).trimmingCharacters(in: .whitespaces) }
        }
        return firstLine(text)
    }

    /// The first non-blank line, at most 80 characters.
    static func firstLine(_ text: String) -> String? {
        guard let line = text.split(maxSplits: 50, whereSeparator: \.isNewline).prefix(50).first(where: { !$0.allSatisfy(\.isWhitespace) }) else { return nil }
        let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.count <= 80 ? trimmed : String(trimmed.prefix(80)) + "…"
    }
}
