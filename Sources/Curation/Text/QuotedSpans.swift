/// The byte ranges of a UTF-8 text that sit inside quotation marks: "…", “…”, ‘…’, '…', 「…」, 『…』.
///
/// An ASCII apostrophe opens a quote only after a space, colon or opening bracket and before a letter, and
/// closes one only before a non-letter, so "can't" and "people's" are not quotes. A quote left open runs to
/// the end of its line.
public struct QuotedSpans: Sendable {
    public private(set) var ranges: [Range<Int>] = []

    /// Finds the quoted ranges of `bytes`.
    public init(_ bytes: [UInt8]) {
        var open: (start: Int, closer: UInt32)? = nil
        var i = 0
        let n = bytes.count
        func letter(_ b: UInt8) -> Bool { PhraseScanner.isWordByte(b) || b >= 0x80 }
        while i < n {
            let b = bytes[i]
            var width = 1
            var scalar = UInt32(b)
            if b >= 0xC0 {
                width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                scalar = 0
                if i + width <= n {
                    // Decode the UTF-8 sequence by hand: this runs on every character of Chinese text.
                    scalar = UInt32(b) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
                    for k in 1..<width { scalar = scalar << 6 | UInt32(bytes[i + k] & 0x3F) }
                }
            }
            if let current = open {
                let closes: Bool
                if scalar == 0x27 {
                    closes = current.closer == 0x27 && (i + 1 == n || !letter(bytes[i + 1]))
                } else if scalar == 0x2019 {
                    closes = current.closer == 0x2019 && (i + 3 >= n || !letter(bytes[i + 3]))
                } else {
                    closes = scalar == current.closer
                }
                if closes {
                    ranges.append(current.start..<i)
                    open = nil
                } else if b == 0x0A {
                    ranges.append(current.start..<i)
                    open = nil
                }
            } else {
                let previous: UInt8 = i > 0 ? bytes[i - 1] : 0x20
                let afterOpen = previous == 0x20 || previous == 0x3A || previous == 0x28 || previous == 0x0A || previous >= 0x80
                switch scalar {
                case 0x22: open = (i + 1, 0x22)
                case 0x201C: open = (i + 3, 0x201D)
                case 0x2018: open = (i + 3, 0x2019)
                case 0x300C: open = (i + 3, 0x300D)
                case 0x300E: open = (i + 3, 0x300F)
                case 0x27 where afterOpen && i + 1 < n && letter(bytes[i + 1]): open = (i + 1, 0x27)
                default: break
                }
            }
            i += width
        }
        if let current = open { ranges.append(current.start..<n) }
    }

    /// True when byte `offset` is inside a quotation.
    public func contains(_ offset: Int) -> Bool {
        ranges.contains { $0.contains(offset) }
    }
}
