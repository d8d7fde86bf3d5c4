import Foundation
import Formats
import Testing

@Suite("JSON array streaming")
struct LargeArrayStreamingTests {
    @Test("a 200,000-record generated array streams in order with the right lines")
    func largeArray() throws {
        let path = NSTemporaryDirectory() + "dsbench-large-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let count = 200_000
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        var chunk = "[\n"
        for index in 0..<count {
            chunk += "  {\n    \"instruction\": \"task \(index) 任务\",\n    \"input\": \"\",\n    \"output\": \"answer, with [brackets] and \\\"quotes\\\"\"\n  }"
            chunk += index == count - 1 ? "\n]\n" : ",\n"
            if chunk.utf8.count > 1 << 20 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        handle.write(Data(chunk.utf8))
        try handle.close()

        // Small chunks force elements to straddle chunk boundaries.
        let source = try ByteSource(path: path, chunkSize: 4096)
        let reader = JSONArrayReader(source: source)
        var seen = 0
        var largestElement = 0
        while let (line, bytes) = try reader.next() {
            if seen % 49_999 == 0 {
                let value = try JSONValue.parse(bytes)
                #expect(value.objectValue?["instruction"]?.stringValue == "task \(seen) 任务")
            }
            #expect(line == 2 + seen * 5)
            largestElement = max(largestElement, bytes.count)
            seen += 1
        }
        #expect(seen == count)
        #expect(largestElement < 200)
        #expect(source.bytesRead > 10_000_000)
    }
}
