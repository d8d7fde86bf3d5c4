#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Splits a `ByteSource` into lines with 1-based line numbers. Accepts LF and CRLF endings and a final line
/// without a newline; bytes are returned undecoded so the caller can report invalid UTF-8 by line.
public final class LineReader {
    private let source: ByteSource
    private var lineNumber = 0
    private var partial: [UInt8] = []

    public init(source: ByteSource) {
        self.source = source
    }

    /// The next line (without its terminator) and its number, or nil at end of input.
    public func next() throws(FormatError) -> (line: Int, bytes: [UInt8])? {
        partial.removeAll(keepingCapacity: true)
        while true {
            if source.position == source.count {
                if try !source.fill() {
                    if partial.isEmpty { return nil }
                    lineNumber += 1
                    return (lineNumber, trimmed(partial))
                }
            }
            let start = source.position
            let end = source.count
            let found: Int? = source.buffer.withUnsafeBytes { raw in
                guard let hit = memchr(raw.baseAddress! + start, 0x0A, end - start) else { return nil }
                return raw.baseAddress!.distance(to: UnsafeRawPointer(hit))
            }
            if let found {
                partial.append(contentsOf: source.buffer[start..<found])
                source.position = found + 1
                lineNumber += 1
                return (lineNumber, trimmed(partial))
            }
            partial.append(contentsOf: source.buffer[start..<end])
            source.position = end
        }
    }

    private func trimmed(_ bytes: [UInt8]) -> [UInt8] {
        if bytes.last == 0x0D { return Array(bytes.dropLast()) }
        return bytes
    }
}
