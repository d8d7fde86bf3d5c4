/// Decodes UTF-8 strictly and, when decoding fails, finds where: invalid bytes are reported by line,
/// never silently replaced with U+FFFD.
public enum UTF8Text {
    /// The string, or nil when the bytes are not valid UTF-8.
    public static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// Offset of the first byte that starts an invalid UTF-8 sequence, or nil when all are valid.
    public static func firstInvalidOffset(_ bytes: [UInt8]) -> Int? {
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            let length: Int
            switch lead {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return index
            }
            if index + length > bytes.count { return index }
            for offset in 1..<max(length, 1) where bytes[index + offset] & 0xC0 != 0x80 { return index }
            if length == 3 {
                let second = bytes[index + 1]
                if (lead == 0xE0 && second < 0xA0) || (lead == 0xED && second > 0x9F) { return index }
            } else if length == 4 {
                let second = bytes[index + 1]
                if (lead == 0xF0 && second < 0x90) || (lead == 0xF4 && second > 0x8F) { return index }
            }
            index += length
        }
        return nil
    }

    /// Number of newline bytes before `offset` (to turn a byte offset into a line delta).
    public static func newlines(in bytes: [UInt8], before offset: Int) -> Int {
        var lines = 0
        for index in 0..<min(offset, bytes.count) where bytes[index] == 0x0A { lines += 1 }
        return lines
    }
}
