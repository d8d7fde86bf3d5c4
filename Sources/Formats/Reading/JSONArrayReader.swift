/// Streams the elements of a top-level JSON array one at a time, each with the line it starts on.
/// A byte scanner tracks strings, escapes and nesting depth to find element boundaries; only one element's
/// bytes are ever held, so a million-record file does not load whole. Elements are parsed by the caller.
public final class JSONArrayReader {
    private let source: ByteSource
    private var line = 1
    private var started = false
    private var finished = false
    private var element: [UInt8] = []

    public init(source: ByteSource) {
        self.source = source
    }

    /// The next element's bytes and starting line, or nil after the closing bracket.
    public func next() throws(FormatError) -> (line: Int, bytes: [UInt8])? {
        if finished { return nil }
        if !started {
            started = true
            guard let first = try skipWhitespace() else {
                throw FormatError(line: line, field: nil, reason: "empty input: expected a JSON array")
            }
            guard first == UInt8(ascii: "[") else {
                throw FormatError(line: line, field: nil, reason: "expected '[' to start a JSON array")
            }
            source.position += 1
            if try skipWhitespace() == UInt8(ascii: "]") {
                source.position += 1
                try finish()
                return nil
            }
        }
        guard let first = try skipWhitespace() else {
            throw FormatError(line: line, field: nil, reason: "unexpected end of file: the JSON array is not closed")
        }
        if first == UInt8(ascii: "]") || first == UInt8(ascii: ",") {
            throw FormatError(line: line, field: nil, reason: "invalid JSON: expected a value, found '\(Character(Unicode.Scalar(first)))'")
        }
        let startLine = line
        element.removeAll(keepingCapacity: true)
        var depth = 0
        var inString = false
        var escaped = false
        var closedArray = false
        scanning: while true {
            if source.position == source.count, try !source.fill() {
                throw FormatError(line: startLine, field: nil, reason: "unexpected end of file: the JSON array is not closed")
            }
            let start = source.position
            let end = source.count
            var stopAt = -1
            source.buffer.withUnsafeBufferPointer { bytes in
                var index = start
                while index < end {
                    let byte = bytes[index]
                    if byte == 0x0A { line += 1 }
                    if inString {
                        if escaped {
                            escaped = false
                        } else if byte == 0x5C {
                            escaped = true
                        } else if byte == 0x22 {
                            inString = false
                        }
                    } else {
                        switch byte {
                        case 0x22: inString = true
                        case 0x7B, 0x5B: depth += 1
                        case 0x7D, 0x5D:
                            if depth == 0 {
                                closedArray = true
                                stopAt = index
                                return
                            }
                            depth -= 1
                        case 0x2C where depth == 0:
                            stopAt = index
                            return
                        default: break
                        }
                    }
                    index += 1
                }
            }
            if stopAt >= 0 {
                element.append(contentsOf: source.buffer[start..<stopAt])
                source.position = stopAt + 1
                break scanning
            }
            element.append(contentsOf: source.buffer[start..<end])
            source.position = end
        }
        while let last = element.last, last == 0x20 || last == 0x0A || last == 0x0D || last == 0x09 {
            element.removeLast()
        }
        if closedArray { try finish() }
        return (startLine, element)
    }

    /// After the closing bracket only whitespace may follow.
    private func finish() throws(FormatError) {
        finished = true
        if let extra = try skipWhitespace() {
            throw FormatError(line: line, field: nil, reason: "unexpected '\(Character(Unicode.Scalar(extra)))' after the end of the JSON array")
        }
    }

    /// Skips whitespace, counting lines; returns the next byte without consuming it.
    private func skipWhitespace() throws(FormatError) -> UInt8? {
        while let byte = try source.peek() {
            switch byte {
            case 0x0A: line += 1
            case 0x20, 0x09, 0x0D: break
            default: return byte
            }
            source.position += 1
        }
        return nil
    }
}
