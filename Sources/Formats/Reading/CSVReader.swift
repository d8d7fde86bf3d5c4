/// Reads RFC 4180 CSV: quoted fields, doubled quotes inside quotes, newlines inside quoted fields, CRLF or LF
/// record ends. Each record comes with the line it starts on; blank lines are skipped.
public final class CSVReader {
    private let source: ByteSource
    private let delimiter: UInt8
    private var line = 1

    public init(source: ByteSource, delimiter: UInt8 = UInt8(ascii: ",")) {
        self.source = source
        self.delimiter = delimiter
    }

    /// The next record's fields and starting line, or nil at end of input.
    public func next() throws(FormatError) -> (line: Int, fields: [String])? {
        while true {
            guard try source.peek() != nil else { return nil }
            let startLine = line
            var fields: [[UInt8]] = []
            var field: [UInt8] = []
            var inQuotes = false
            var quotedField = false
            var endOfRecord = false
            while !endOfRecord {
                guard let byte = try source.peek() else {
                    if inQuotes {
                        throw FormatError(line: startLine, field: nil, reason: "unexpected end of file inside a quoted field")
                    }
                    break
                }
                source.position += 1
                if inQuotes {
                    if byte == 0x22 {
                        if try source.peek() == 0x22 {
                            source.position += 1
                            field.append(0x22)
                        } else {
                            inQuotes = false
                        }
                    } else {
                        if byte == 0x0A { line += 1 }
                        field.append(byte)
                    }
                    continue
                }
                switch byte {
                case 0x22 where field.isEmpty && !quotedField:
                    inQuotes = true
                    quotedField = true
                case delimiter:
                    fields.append(field)
                    field.removeAll()
                    quotedField = false
                case 0x0D where try source.peek() == 0x0A:
                    break
                case 0x0A:
                    line += 1
                    endOfRecord = true
                default:
                    field.append(byte)
                }
            }
            fields.append(field)
            if fields.count == 1 && fields[0].isEmpty && !quotedField { continue }
            var decoded: [String] = []
            decoded.reserveCapacity(fields.count)
            for (index, bytes) in fields.enumerated() {
                guard let text = UTF8Text.decode(bytes) else {
                    let offset = UTF8Text.firstInvalidOffset(bytes) ?? 0
                    throw FormatError(
                        line: startLine + UTF8Text.newlines(in: bytes, before: offset), field: "column \(index + 1)",
                        reason: "invalid UTF-8")
                }
                decoded.append(text)
            }
            return (startLine, decoded)
        }
    }
}
