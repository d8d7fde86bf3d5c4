/// Finds e-mail addresses, phone numbers (international "+CC…", mainland-China mobiles, North American
/// and Chinese landline formats), Chinese resident ID numbers (check digit and birth date validated),
/// payment card numbers (network prefix, length and Luhn, see `PaymentCardNetwork`) and IPv4 addresses,
/// by scanning UTF-8 bytes directly.
///
/// Validation keeps precision high: an 18-digit number with a wrong check digit is neither an ID nor a
/// card, "1.2.3.4.5", "v1.2.3.4" and "firmware 3.0.1.2" are versions, and by default (`IPAddressScope.public`)
/// loopback, private, documentation, multicast addresses and netmasks are not personal data.
public struct PIIDetector: Sendable {
    /// Kinds to look for.
    public var kinds: Set<PIIKind>
    /// Which IPv4 addresses count.
    public var ipScope: IPAddressScope

    public init(kinds: Set<PIIKind> = Set(PIIKind.allCases), ipScope: IPAddressScope = .public) {
        self.kinds = kinds
        self.ipScope = ipScope
    }

    /// All spans found, in text order, non-overlapping.
    public func spans(in text: String) -> [PIISpan] {
        var text = text
        return text.withUTF8 { bytes -> [PIISpan] in
            var hasDigit = false, hasAt = false
            for b in bytes {
                if b == 0x40 { hasAt = true } else if b >= 0x30 && b <= 0x39 { hasDigit = true }
            }
            var found: [PIISpan] = []
            if hasAt && kinds.contains(.email) { found += emails(bytes) }
            if hasDigit { found += numbers(bytes, excluding: found) }
            found.sort { $0.start < $1.start }
            return found
        }
    }

    /// True when any PII is present.
    public func containsPII(_ text: String) -> Bool { !spans(in: text).isEmpty }

    // MARK: e-mail

    @inline(__always) static func isLocalByte(_ b: UInt8) -> Bool {
        PhraseScanner.isWordByte(b) || b == 0x2E || b == 0x5F || b == 0x25 || b == 0x2B || b == 0x2D
    }

    @inline(__always) static func isDomainByte(_ b: UInt8) -> Bool {
        PhraseScanner.isWordByte(b) || b == 0x2E || b == 0x2D
    }

    func emails(_ s: UnsafeBufferPointer<UInt8>) -> [PIISpan] {
        var out: [PIISpan] = []
        var i = 0
        while i < s.count {
            guard s[i] == 0x40 else { i += 1; continue }
            var lo = i
            while lo > 0 && Self.isLocalByte(s[lo - 1]) { lo -= 1 }
            while lo < i && s[lo] == 0x2E { lo += 1 }
            var hi = i + 1
            while hi < s.count && Self.isDomainByte(s[hi]) { hi += 1 }
            while hi > i + 1 && (s[hi - 1] == 0x2E || s[hi - 1] == 0x2D) { hi -= 1 }
            // Domain needs a dot and an alphabetic top-level label of 2+ letters.
            if lo < i, hi > i + 1, let dot = (i + 1..<hi).last(where: { s[$0] == 0x2E }), dot > i + 1,
               hi - dot - 1 >= 2, (dot + 1..<hi).allSatisfy({ s[$0] | 0x20 >= 0x61 && s[$0] | 0x20 <= 0x7A }) {
                out.append(PIISpan(kind: .email, start: lo, end: hi,
                                   text: String(decoding: UnsafeBufferPointer(rebasing: s[lo..<hi]), as: UTF8.self)))
                i = hi
            } else {
                i += 1
            }
        }
        return out
    }

    // MARK: numbers

    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// A run of digits with the separators between them.
    struct Group {
        var start: Int
        var end: Int
        /// Separator bytes between the previous group and this one ("" for the first).
        var separator: [UInt8]
    }

    func numbers(_ s: UnsafeBufferPointer<UInt8>, excluding taken: [PIISpan]) -> [PIISpan] {
        var out: [PIISpan] = []
        var i = 0
        while i < s.count {
            guard Self.isDigit(s[i]) else { i += 1; continue }
            // The run must not continue a word or a decimal/version number.
            if i > 0 && (PhraseScanner.isWordByte(s[i - 1]) || s[i - 1] == 0x2E && i > 1 && Self.isDigit(s[i - 2])) {
                while i < s.count && Self.isDigit(s[i]) { i += 1 }
                continue
            }
            // Collect groups joined by short separators.
            var groups: [Group] = []
            var j = i
            var sep: [UInt8] = []
            while true {
                let gs = j
                while j < s.count && Self.isDigit(s[j]) { j += 1 }
                groups.append(Group(start: gs, end: j, separator: sep))
                if groups.count >= 8 { break }
                var k = j
                sep = []
                while k < s.count && sep.count < 2 && (s[k] == 0x20 || s[k] == 0x2D || s[k] == 0x2E || s[k] == 0x28 || s[k] == 0x29) {
                    sep.append(s[k]); k += 1
                }
                guard !sep.isEmpty, k < s.count, Self.isDigit(s[k]) else { break }
                j = k
            }
            var g = 0
            while g < groups.count {
                if let span = classify(s, groups, from: g), !taken.contains(where: { $0.start < span.span.end && span.span.start < $0.end }) {
                    out.append(span.span)
                    g = span.nextGroup
                    i = span.span.end
                } else {
                    g += 1
                }
            }
            // Past every group (and past an ID number's trailing X, which ends one byte after its group).
            i = max(i, groups.last!.end)
        }
        return out
    }

    /// Tries windows of groups starting at `first`, longest first; returns the span and the next group.
    func classify(_ s: UnsafeBufferPointer<UInt8>, _ groups: [Group], from first: Int) -> (span: PIISpan, nextGroup: Int)? {
        var last = groups.count - 1
        while last >= first {
            let window = groups[first...last]
            if let kind = kindOf(s, window) {
                var start = window.first!.start
                var end = window.last!.end
                // Include a leading "+" or "(" and a trailing ")" / ID check letter "X".
                if start > 0 && (s[start - 1] == 0x2B || s[start - 1] == 0x28) && kind == .phone { start -= 1 }
                if kind == .idNumber && end < s.count && (s[end] | 0x20) == 0x78 { end += 1 }
                let before = start > 0 ? s[start - 1] : 0x20
                let after = end < s.count ? s[end] : 0x20
                if !PhraseScanner.isWordByte(before) && !PhraseScanner.isWordByte(after)
                    && !(after == 0x2E && end + 1 < s.count && Self.isDigit(s[end + 1]))
                    && !(before == 0x2E && start > 1 && Self.isDigit(s[start - 2])) {
                    let text = String(decoding: UnsafeBufferPointer(rebasing: s[start..<end]), as: UTF8.self)
                    return (PIISpan(kind: kind, start: start, end: end, text: text), last + 1)
                }
            }
            last -= 1
        }
        return nil
    }

    func kindOf(_ s: UnsafeBufferPointer<UInt8>, _ window: ArraySlice<Group>) -> PIIKind? {
        var digits: [UInt8] = []
        for g in window { digits += UnsafeBufferPointer(rebasing: s[g.start..<g.end]) }
        let sizes = window.map { $0.end - $0.start }
        let seps = window.dropFirst().map(\.separator)
        let first = window.first!
        let plus = first.start > 0 && s[first.start - 1] == 0x2B
        let open = first.start > 0 && s[first.start - 1] == 0x28

        if sizes.count == 4, seps.allSatisfy({ $0 == [0x2E] }), sizes.allSatisfy({ $0 <= 3 }) {
            // A dotted quad is an address or a version number, never a phone or card.
            let octets = window.map { g in
                (g.start..<g.end).reduce(0) { $0 * 10 + Int(s[$1] - 0x30) }
            }
            guard kinds.contains(.ipAddress), zip(octets, window).allSatisfy({ v, g in
                v <= 255 && (g.end - g.start == 1 || s[g.start] != 0x30)
            }), !Self.followsVersionWord(s, at: first.start) else { return nil }
            if ipScope == .public && IPv4Category.of(octets[0], octets[1], octets[2], octets[3]) != .public {
                return nil
            }
            return .ipAddress
        }
        let dotted = seps.contains { $0.contains(0x2E) }
        if kinds.contains(.idNumber), sizes == [17], first.end < s.count, (s[first.end] | 0x20) == 0x78,
           Self.validChineseID(digits + [0x58]) {
            return .idNumber
        }
        if kinds.contains(.idNumber), sizes == [18], Self.validChineseID(digits) { return .idNumber }
        if kinds.contains(.creditCard), !dotted, sizes.allSatisfy({ $0 >= 3 }),
           seps.allSatisfy({ $0 == [0x20] || $0 == [0x2D] }), PaymentCardNetwork.identify(digits) != nil {
            return .creditCard
        }
        guard kinds.contains(.phone) else { return nil }
        if plus && (8...15).contains(digits.count) && sizes.allSatisfy({ $0 <= 4 || sizes.count == 1 || $0 <= 11 }) {
            return .phone
        }
        // Mainland-China mobile: 1[3-9]x xxxx xxxx, optionally preceded by 86.
        var mobile = digits
        if mobile.count == 13 && mobile.starts(with: [0x38, 0x36]) && sizes[0] == 2 { mobile.removeFirst(2) }
        if mobile.count == 11, mobile[0] == 0x31, (0x33...0x39).contains(mobile[1]), !dotted,
           sizes.count == 1 || sizes.suffix(3) == [3, 4, 4] || (sizes.count == 2 && sizes[0] == 2 && sizes[1] == 11) {
            return .phone
        }
        // North American: (ddd) ddd-dddd, ddd-ddd-dddd, ddd.ddd.dddd, optional leading 1.
        var nanp = sizes
        if nanp.first == 1 && digits[0] == 0x31 { nanp.removeFirst() }
        if nanp == [3, 3, 4] && (open || seps.last != [0x20] || seps.first == [0x29, 0x20]) {
            return .phone
        }
        // Chinese landline with area code: 0dd-dddddddd / 0ddd-ddddddd.
        if sizes.count == 2, digits[0] == 0x30, (3...4).contains(sizes[0]), (7...8).contains(sizes[1]),
           seps[0] == [0x2D] || seps[0] == [0x29] || seps[0] == [0x29, 0x20] {
            return .phone
        }
        return nil
    }

    /// Words after which a dotted number is a version or section number ("firmware 3.0.1.2", "版本3.0.1.2",
    /// "Section 1.2.3.4"), lower-cased.
    static let versionWords: [[UInt8]] = [
        "version", "ver", "v", "firmware", "release", "build", "kernel", "patch", "update", "updated to",
        "upgrade to", "upgraded to", "section", "chapter", "clause", "article", "paragraph", "step", "rule", "item",
        "figure", "table", "appendix", "no.", "§", "版本", "版本号", "固件", "内核", "升级到", "更新到", "补丁", "第", "章节", "条款",
    ].map { Array($0.utf8) }

    /// True when the number at `start` follows a version word (spaces, colons and "：" between are skipped).
    static func followsVersionWord(_ s: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var end = start
        while end > 0 {
            if s[end - 1] == 0x20 || s[end - 1] == 0x3A { end -= 1 }
            else if end >= 3 && s[end - 3] == 0xEF && s[end - 2] == 0xBC && s[end - 1] == 0x9A { end -= 3 }  // ：
            else { break }
        }
        for word in versionWords where word.count <= end {
            let from = end - word.count
            guard (0..<word.count).allSatisfy({ PhraseScanner.fold(s[from + $0]) == word[$0] }) else { continue }
            if word[0] < 0x80 && from > 0 && PhraseScanner.isWordByte(s[from - 1]) { continue }
            return true
        }
        return false
    }

    /// Luhn checksum (payment cards).
    public static func luhn(_ digits: [UInt8]) -> Bool {
        var sum = 0
        for (i, d) in digits.reversed().enumerated() {
            var v = Int(d - 0x30)
            if i % 2 == 1 { v *= 2; if v > 9 { v -= 9 } }
            sum += v
        }
        return sum % 10 == 0
    }

    /// GB 11643 check: weighted sum mod 11 selects the last character; the birth date must be plausible.
    public static func validChineseID(_ chars: [UInt8]) -> Bool {
        guard chars.count == 18 else { return false }
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        var sum = 0
        for i in 0..<17 {
            guard isDigit(chars[i]) else { return false }
            sum += Int(chars[i] - 0x30) * weights[i]
        }
        let check = Array("10X98765432".utf8)[sum % 11]
        guard (chars[17] == 0x78 ? 0x58 : chars[17]) == check else { return false }
        func value(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + Int(chars[$1] - 0x30) } }
        let year = value(6..<10), month = value(10..<12), day = value(12..<14)
        return (1900...2099).contains(year) && (1...12).contains(month) && (1...31).contains(day)
    }
}
