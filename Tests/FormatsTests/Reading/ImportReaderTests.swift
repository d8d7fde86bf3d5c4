import Foundation
import Formats
import Hashing
import Testing

@Suite("ImportReader")
struct ImportReaderTests {
    @Test("a JSON array of Alpaca records is detected and read with line numbers")
    func alpacaArray() throws {
        let file = try TemporaryFile("""
            [
              {"instruction": "Say hi", "input": "", "output": "Hi"},
              {"instruction": "Add", "input": "1 and 2", "output": "3", "score": 4}
            ]
            """)
        defer { file.remove() }
        let (reader, records, rejects) = try readAll(file.path)
        #expect(reader.format == .alpaca)
        #expect(reader.detected)
        #expect(reader.container == .jsonArray)
        #expect(rejects.isEmpty)
        #expect(records.map(\.line) == [2, 3])
        #expect(records[1].input == "1 and 2")
        #expect(records[1].output == "3")
        #expect(records[1].extra == ["score": .int(4)])
    }

    @Test("BOM, CRLF and empty lines in JSONL")
    func bomCRLFEmptyLines() throws {
        let text = "\u{FEFF}{\"instruction\": \"一\", \"output\": \"a\"}\r\n\r\n   \r\n{\"instruction\": \"two\", \"output\": \"b\"}\r\n"
        let file = try TemporaryFile(text, suffix: ".jsonl")
        defer { file.remove() }
        let (reader, records, rejects) = try readAll(file.path)
        #expect(reader.container == .jsonLines)
        #expect(reader.format == .alpaca)
        #expect(rejects.isEmpty)
        #expect(records.map(\.instruction) == ["一", "two"])
        #expect(records.map(\.line) == [1, 4])
        #expect(records[1].output == "b")
    }

    @Test("BOM and CRLF in a JSON array")
    func bomArray() throws {
        let text = "\u{FEFF}[\r\n{\"instruction\": \"a\",\r\n \"output\": \"x\"},\r\n\r\n{\"instruction\": \"b\", \"output\": \"y\"}\r\n]\r\n"
        let file = try TemporaryFile(text)
        defer { file.remove() }
        let (_, records, rejects) = try readAll(file.path)
        #expect(rejects.isEmpty)
        #expect(records.map(\.line) == [2, 5])
    }

    @Test("invalid JSON in JSONL is rejected with its line, the rest is read")
    func invalidJSONLine() throws {
        let file = try TemporaryFile("{\"instruction\": \"a\", \"output\": \"x\"}\n{\"instruction\": \"b\" \"output\": 1}\n{\"instruction\": \"c\"}\n", suffix: ".jsonl")
        defer { file.remove() }
        let (_, records, rejects) = try readAll(file.path)
        #expect(records.map(\.instruction) == ["a", "c"])
        #expect(rejects.count == 1)
        #expect(rejects.first?.line == 2)
        #expect(rejects.first?.reason.hasPrefix("invalid JSON") == true)
    }

    @Test("invalid JSON inside an array element is rejected with the element's line")
    func invalidJSONElement() throws {
        let file = try TemporaryFile("[\n{\"instruction\": \"a\"},\n{\"instruction\": tru},\n{\"instruction\": \"c\"}\n]")
        defer { file.remove() }
        let (_, records, rejects) = try readAll(file.path)
        #expect(records.map(\.instruction) == ["a", "c"])
        #expect(rejects.map(\.line) == [3])
    }

    @Test("invalid UTF-8 is reported on the line where it occurs")
    func invalidUTF8() throws {
        var bytes = Array("[\n{\"instruction\": \"ok\"},\n{\"instruction\":\n \"bad ".utf8)
        bytes.append(0xFF)
        bytes.append(contentsOf: Array("\"}\n]\n".utf8))
        let file = try TemporaryFile(bytes: bytes)
        defer { file.remove() }
        let (_, records, rejects) = try readAll(file.path)
        #expect(records.count == 1)
        #expect(rejects.count == 1)
        #expect(rejects.first?.line == 4)
        #expect(rejects.first?.reason == "invalid UTF-8")
    }

    @Test("an unclosed array is a fatal error naming the element's line")
    func unclosedArray() throws {
        let file = try TemporaryFile("[\n{\"instruction\": \"a\"},\n{\"instruction\": \"b\"")
        defer { file.remove() }
        let reader = try ImportReader(path: file.path)
        let error = try #require(throws: FormatError.self) {
            while try reader.next() != nil {}
        }
        #expect(error.line == 3)
        #expect(error.reason.contains("not closed"))
    }

    @Test("content after the closing bracket is an error")
    func trailingGarbage() throws {
        let file = try TemporaryFile("[{\"instruction\": \"a\"}] x")
        defer { file.remove() }
        #expect(throws: FormatError.self) {
            let reader = try ImportReader(path: file.path)
            while try reader.next() != nil {}
        }
    }

    @Test("an array holding a string reports a record that is not an object")
    func nonObjectElement() throws {
        let file = try TemporaryFile("[{\"instruction\": \"a\"}, \"loose\", [1, 2]]")
        defer { file.remove() }
        let (_, records, rejects) = try readAll(file.path)
        #expect(records.count == 1)
        #expect(rejects.count == 2)
        #expect(rejects.allSatisfy { $0.reason.hasPrefix("expected a JSON object") })
    }

    @Test("strings containing brackets, commas and escaped quotes do not split elements")
    func trickyStrings() throws {
        let file = try TemporaryFile(#"[{"instruction": "a ] , } [ { \" \\", "output": "x"}, {"instruction": "b"}]"#)
        defer { file.remove() }
        let (_, records, rejects) = try readAll(file.path)
        #expect(rejects.isEmpty)
        #expect(records.map(\.instruction) == [#"a ] , } [ { " \"#, "b"])
    }

    @Test("an empty array gives no records")
    func emptyArray() throws {
        let file = try TemporaryFile("  [ ]  \n")
        defer { file.remove() }
        let (_, records, rejects) = try readAll(file.path)
        #expect(records.isEmpty && rejects.isEmpty)
    }

    @Test("plain text: one instruction per non-blank line")
    func plainText() throws {
        let file = try TemporaryFile("Write a poem.\r\n\r\n写一首诗。\nSummarize this.", suffix: ".txt")
        defer { file.remove() }
        let (reader, records, _) = try readAll(file.path)
        #expect(reader.format == .text)
        #expect(records.map(\.instruction) == ["Write a poem.", "写一首诗。", "Summarize this."])
        #expect(records.map(\.line) == [1, 3, 4])
        #expect(records.allSatisfy { $0.output == nil })
    }

    @Test("--map renames fields before detection")
    func fieldRenaming() throws {
        let file = try TemporaryFile("{\"question\": \"2+2?\", \"answer\": \"4\", \"topic\": \"math\"}\n", suffix: ".jsonl")
        defer { file.remove() }
        let (reader, records, _) = try readAll(file.path, map: "question=instruction, answer=output")
        #expect(reader.format == .alpaca)
        #expect(records.first?.instruction == "2+2?")
        #expect(records.first?.output == "4")
        #expect(records.first?.extra == ["topic": .string("math")])
    }

    @Test("a file matching no format is refused with the fields it has")
    func undetectable() throws {
        let file = try TemporaryFile("{\"question\": \"2+2?\"}\n", suffix: ".jsonl")
        defer { file.remove() }
        #expect {
            _ = try ImportReader(path: file.path)
        } throws: { error in
            (error as? FormatError)?.reason.contains("[question]") == true
        }
    }

    @Test("the content hash equals SHA-256 of the bytes and ignores how far parsing went")
    func contentHash() throws {
        let text = "[{\"instruction\": \"a\"}]\n"
        let file = try TemporaryFile(text)
        defer { file.remove() }
        let reader = try ImportReader(path: file.path)
        #expect(try reader.contentHash() == SHA256.hexDigest(of: Array(text.utf8)))
    }
}
