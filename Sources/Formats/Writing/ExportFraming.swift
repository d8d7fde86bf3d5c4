/// Lays records out as JSONL (one compact record per line) or as a JSON array with two-space indentation,
/// appending to a byte buffer the caller flushes, so an export streams with constant memory.
public struct ExportFraming: Sendable {
    /// True for a JSON array, false for JSONL.
    public let jsonArray: Bool
    private var written = 0

    public init(jsonArray: Bool) {
        self.jsonArray = jsonArray
    }

    /// Bytes that open the file.
    public func opening() -> [UInt8] {
        jsonArray ? Array("[".utf8) : []
    }

    /// Appends one record.
    public mutating func append(_ record: OrderedRecord, to out: inout [UInt8]) {
        if jsonArray {
            if written > 0 { out.append(UInt8(ascii: ",")) }
            out.append(contentsOf: "\n  ".utf8)
            JSONTextWriter.append(record, to: &out, indent: 2, level: 1)
        } else {
            JSONTextWriter.append(record, to: &out, indent: nil, level: 0)
            out.append(UInt8(ascii: "\n"))
        }
        written += 1
    }

    /// Bytes that close the file.
    public func closing() -> [UInt8] {
        guard jsonArray else { return [] }
        return Array((written > 0 ? "\n]\n" : "]\n").utf8)
    }

    /// Records appended so far.
    public var count: Int { written }
}
