import LLM

/// Helpers over a document held as an array of Unicode scalars (how `DocumentChunker` addresses text, so
/// offsets are exact and O(1)): a range as a `String`, and its estimated tokens without building one.
enum ScalarText {
    /// The scalars in `range` as a String.
    static func string(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> String {
        // Encoding into one byte buffer and decoding it once is several times faster than appending scalars.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(range.count * 3)
        for index in range {
            let value = scalars[index].value
            switch value {
            case 0..<0x80:
                bytes.append(UInt8(value))
            case 0x80..<0x800:
                bytes.append(UInt8(0xC0 | (value >> 6)))
                bytes.append(UInt8(0x80 | (value & 0x3F)))
            case 0x800..<0x10000:
                bytes.append(UInt8(0xE0 | (value >> 12)))
                bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (value & 0x3F)))
            default:
                bytes.append(UInt8(0xF0 | (value >> 18)))
                bytes.append(UInt8(0x80 | ((value >> 12) & 0x3F)))
                bytes.append(UInt8(0x80 | ((value >> 6) & 0x3F)))
                bytes.append(UInt8(0x80 | (value & 0x3F)))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `TokenEstimator.estimate` of the scalars in `range`: CJK scalars count one each, the others one per four.
    static func tokens(_ scalars: [Unicode.Scalar], _ range: Range<Int>) -> Int {
        var cjk = 0
        for index in range where TokenEstimator.isCJK(scalars[index]) { cjk += 1 }
        return cjk + (range.count - cjk + 3) / 4
    }
}
