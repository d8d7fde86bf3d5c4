import Foundation
import Formats
import Testing

@Suite("CSV")
struct CSVReaderTests {
    @Test("quotes, doubled quotes, embedded newlines and CRLF")
    func rfc4180() throws {
        let text = "instruction,input,output\r\n\"Say \"\"hi\"\"\",,\"line one\r\nline two\"\r\nplain,\"a,b\",c\r\n"
        let file = try TemporaryFile(text, suffix: ".csv")
        defer { file.remove() }
        let (reader, records, rejects) = try readAll(file.path)
        #expect(reader.format == .csv)
        #expect(rejects.isEmpty)
        #expect(records.map(\.instruction) == ["Say \"hi\"", "plain"])
        #expect(records[0].output == "line one\r\nline two")
        #expect(records[1].input == "a,b")
        #expect(records.map(\.line) == [2, 4])
    }

    @Test("a row with the wrong number of columns is rejected with its line")
    func wrongColumnCount() throws {
        let file = try TemporaryFile("instruction,output\na,b\nc\nd,e\n", suffix: ".csv")
        defer { file.remove() }
        let (_, records, rejects) = try readAll(file.path)
        #expect(records.map(\.instruction) == ["a", "d"])
        #expect(rejects.map(\.line) == [3])
    }

    @Test("empty output cells mean no output")
    func emptyOutput() throws {
        let file = try TemporaryFile("instruction,output\nwrite,\n", suffix: ".csv")
        defer { file.remove() }
        let (_, records, _) = try readAll(file.path)
        #expect(records.first?.output == nil)
    }

    @Test("--format csv reads a file without a .csv extension")
    func explicitFormat() throws {
        let file = try TemporaryFile("question,answer\nq,a\n", suffix: ".data")
        defer { file.remove() }
        let (reader, records, _) = try readAll(file.path, format: .csv, map: "question=instruction,answer=output")
        #expect(reader.format == .csv)
        #expect(records.first?.instruction == "q")
        #expect(records.first?.output == "a")
    }
}

@Suite("CSV header with a trailing comma")
struct CSVTrailingCommaTests {
    @Test("an unnamed column with blank values is ignored; data under it names the line and column")
    func trailingComma() throws {
        let file = try TemporaryFile("instruction,output,\nq1,a1,\nq2,a2,oops\n", suffix: ".csv")
        let reader = try ImportReader(path: file.path)
        guard case .records(let first)? = try reader.next() else { Issue.record("no first record"); return }
        #expect(first[0].extra.isEmpty)
        #expect(first[0].instruction == "q1" && first[0].output == "a1")
        guard case .rejected(let error, _)? = try reader.next() else { Issue.record("second record not rejected"); return }
        #expect(error == FormatError(line: 3, field: "column 3", reason: "value 'oops' under a column with no name in the header"))
    }
}
