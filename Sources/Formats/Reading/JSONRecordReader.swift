/// Streams the top-level objects of a JSON array or JSON Lines file with the line each starts on, for
/// tools that look at records as they are (`dsbench validate`) rather than mapping them for import.
public final class JSONRecordReader {
    private let array: JSONArrayReader?
    private let lines: LineReader?

    /// Opens `path`; a file starting with `[` is read as an array, anything else as JSON Lines.
    public init(path: String) throws(FormatError) {
        let source = try ByteSource(path: path)
        if try source.peekFirstSignificantByte() == UInt8(ascii: "[") {
            array = JSONArrayReader(source: source)
            lines = nil
        } else {
            array = nil
            lines = LineReader(source: source)
        }
    }

    /// The next record, or a problem with it (not JSON, not an object); nil at the end. Damage that makes
    /// the rest unreadable (an unclosed array) is thrown.
    public func next() throws(FormatError) -> Result<(line: Int, fields: [String: JSONValue]), FormatError>? {
        let item: (line: Int, bytes: [UInt8])
        if let array {
            guard let next = try array.next() else { return nil }
            item = next
        } else {
            while true {
                guard let next = try lines!.next() else { return nil }
                if next.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
                item = next
                break
            }
        }
        let value: JSONValue
        do {
            value = try JSONByteParser.parse(item.bytes) ?? JSONValue.parse(item.bytes)
        } catch {
            return .failure(FormatError(line: item.line, field: nil, reason: "invalid JSON: \(JSONProblem.describe(error))"))
        }
        guard let fields = value.objectValue else {
            return .failure(FormatError(line: item.line, field: nil, reason: "expected a JSON object, found \(value.typeName)"))
        }
        return .success((item.line, fields))
    }
}
