import Formats
import Testing

@Suite struct DocumentFileReaderTests {
    let reader = DocumentFileReader()

    func read(_ text: String, _ ext: String, reader: DocumentFileReader = DocumentFileReader()) throws(FormatError) -> [DocumentText] {
        try reader.documents(bytes: Array(text.utf8), pathExtension: ext)
    }

    @Test func markdownAndTextFiles() throws {
        let markdown = try read("\u{FEFF}Intro\n# Kettle Manual\n\nBody.", "md")
        #expect(markdown.count == 1)
        #expect(markdown[0].format == "markdown" && markdown[0].isMarkdown)
        #expect(markdown[0].title == "Kettle Manual")
        #expect(markdown[0].text.hasPrefix("Intro"), "the BOM is dropped")
        let text = try read("\n\n  First real line  \nsecond", "txt")
        #expect(text[0].format == "text" && !text[0].isMarkdown)
        #expect(text[0].title == "First real line")
    }

    @Test func jsonAndJSONLRecordsWithTheirTextField() throws {
        let jsonl = try read("{\"title\": \"A\", \"text\": \"alpha\"}\n\n{\"content\": \"# B\\n\\nbeta\"}\n", "jsonl")
        #expect(jsonl.map(\.text) == ["alpha", "# B\n\nbeta"])
        #expect(jsonl.map(\.recordLine) == [1, 3])
        #expect(jsonl.map(\.title) == ["A", "B"])
        let array = try read(#"[{"body": "one"}, {"body": "two"}]"#, "json", reader: DocumentFileReader(textField: "body"))
        #expect(array.map(\.text) == ["one", "two"])
        #expect(array.map(\.recordLine) == [1, 2])
    }

    @Test func crlfFilesAreReadByLine() throws {
        let jsonl = try read("{\"title\": \"A\", \"text\": \"alpha\"}\r\n\r\n{\"text\": \"beta\"}\r\n", "jsonl")
        #expect(jsonl.map(\.text) == ["alpha", "beta"])
        #expect(jsonl.map(\.recordLine) == [1, 3])
        let markdown = try read("# 水壶说明书\r\n\r\n本水壶可以快速烧水。\r\n", "md")
        #expect(markdown[0].title == "水壶说明书")
        let text = try read("\r\nFirst line\r\nsecond\r\n", "txt")
        #expect(text[0].title == "First line")
        let separator = try read("{\"text\": \"a\u{2028}b\"}\n", "jsonl")
        #expect(separator.map(\.text) == ["a\u{2028}b"], "U+2028 inside a JSON string does not end the record")
    }

    @Test func badInputIsAnErrorWithItsLine() {
        #expect(throws: FormatError(line: 3, field: nil, reason: "invalid UTF-8 at byte offset 8")) {
            try reader.documents(bytes: Array("ok\nok\nab".utf8) + [0xFF, 0x41], pathExtension: "txt")
        }
        #expect(throws: FormatError(line: 1, field: nil, reason: "empty document")) { try read(" \n\t\n", "md") }
        #expect(throws: FormatError.self) { try reader.documents(bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], pathExtension: "txt") }
        do {
            _ = try reader.documents(bytes: Array("line\n\u{0}binary".utf8), pathExtension: "md")
            Issue.record("a NUL byte must be refused")
        } catch {
            #expect(error.line == 2)
            #expect(error.reason.hasPrefix("binary file refused"))
        }
        #expect(throws: FormatError(line: 2, field: "text", reason: "missing text field (tried text, content; pick one with --map FIELD)")) {
            try read("{\"text\": \"a\"}\n{\"body\": \"b\"}", "jsonl")
        }
        #expect(throws: FormatError(line: 1, field: "text", reason: "expected a string")) { try read("{\"text\": 5}", "jsonl") }
        #expect(throws: FormatError(line: 2, field: "text", reason: "empty document")) { try read("{\"text\": \"a\"}\n{\"text\": \"  \"}", "jsonl") }
    }
}
