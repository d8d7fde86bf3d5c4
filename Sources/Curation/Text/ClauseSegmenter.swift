/// Splits a text into clauses: at sentence ends (. ! ? 。！？), semicolons, line breaks, and before a
/// contrast ("but", "however", "但", "但是", "不过"), so "I'm sorry, but I can't" gives "I'm sorry" and
/// "but I can't". A '.' between digits or letters ("3.14", "e.g.") does not end a clause.
public enum ClauseSegmenter {
    /// The clauses of `bytes` (UTF-8), in order, empty ones dropped.
    public static func clauses(_ bytes: [UInt8]) -> [TextSegment] {
        var out: [TextSegment] = []
        var start = 0
        func cut(_ end: Int) {
            if end > start {
                let units = TextLength.units(String(decoding: bytes[start..<end], as: UTF8.self))
                if units > 0 { out.append(TextSegment(start: start, end: end, units: units)) }
            }
            start = end
        }
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            switch b {
            case 0x21, 0x3F, 0x3B, 0x0A:  // ! ? ; newline
                cut(i + 1)
            case 0x2E:  // '.' ends a clause unless it sits inside a number or abbreviation
                let next = i + 1 < n ? bytes[i + 1] : 0x20
                if next == 0x20 || next == 0x0A || next == 0x22 || next == 0x27 || next == 0x29 || next >= 0x80 { cut(i + 1) }
            case 0x62 where i + 4 <= n && bytes[i + 1] == 0x75 && bytes[i + 2] == 0x74  // "but "
                && (i + 3 == n || bytes[i + 3] == 0x20 || bytes[i + 3] == 0x2C) && (i == 0 || bytes[i - 1] == 0x20):
                cut(i)
            case _ where b | 0x20 == 0x68 && i + 7 <= n && i > 0 && (bytes[i - 1] == 0x20 || bytes[i - 1] == 0x0A)
                && bytes[i + 1] == 0x6F && bytes[i + 2] == 0x77 && bytes[i + 3] == 0x65
                && bytes[i + 4] == 0x76 && bytes[i + 5] == 0x65 && bytes[i + 6] == 0x72:  // "however"
                cut(i)
            case 0xE3 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0x82):  // 。
                cut(i + 3)
            case 0xEF where i + 2 < n && bytes[i + 1] == 0xBC && (bytes[i + 2] == 0x81 || bytes[i + 2] == 0x9F || bytes[i + 2] == 0x9B):  // ！？；
                cut(i + 3)
            case 0xE4 where i + 2 < n && bytes[i + 1] == 0xBD && bytes[i + 2] == 0x86:  // 但
                cut(i)
            case 0xE4 where i + 5 < n && bytes[i + 1] == 0xB8 && bytes[i + 2] == 0x8D && bytes[i + 3] == 0xE8
                && bytes[i + 4] == 0xBF && bytes[i + 5] == 0x87:  // 不过
                cut(i)
            default:
                break
            }
            i += 1
        }
        cut(n)
        return out
    }
}
