/// How a text becomes a set for Jaccard/MinHash.
///
/// `.word`: lower-cased words for per-word scripts plus character bigrams inside CJK runs (single
/// characters carry too little information in Chinese). `.characters(n)`: character n-grams of the
/// canonical text with spaces removed, for every script.
public enum Shingling: Sendable, Equatable, CustomStringConvertible {
    case word
    case characters(Int)

    /// Parses `word` or `char-N` (N ≥ 1).
    public init?(_ text: String) {
        if text == "word" { self = .word; return }
        if text.hasPrefix("char-"), let n = Int(text.dropFirst(5)), n >= 1 { self = .characters(n); return }
        return nil
    }

    public var description: String {
        switch self {
        case .word: return "word"
        case .characters(let n): return "char-\(n)"
        }
    }

    /// The sorted, distinct 64-bit shingle hashes of a text.
    public func shingles(_ text: String) -> [UInt64] {
        var out: [UInt64]
        switch self {
        case .word: out = Self.wordShingles(text)
        case .characters(let n): out = Self.characterShingles(text, n)
        }
        out.sort()
        var w = 0
        for i in 0..<out.count where i == 0 || out[i] != out[i - 1] {
            out[w] = out[i]; w += 1
        }
        out.removeLast(out.count - w)
        return out
    }

    static func wordShingles(_ text: String) -> [UInt64] {
        var isASCII = true
        for b in text.utf8 where b >= 0x80 { isASCII = false; break }
        if isASCII { return UnitHashes.of(text) }
        var out: [UInt64] = []
        var word: UInt64 = UnitHashes.offset
        var inWord = false
        var previousCJK: UInt32? = nil
        var runLength = 0
        func endWord() {
            if inWord { out.append(UnitHashes.finish(word)); word = UnitHashes.offset; inWord = false }
        }
        func endRun() {
            if runLength == 1, let c = previousCJK { out.append(UnitHashes.finish(UInt64(c) | 1 << 40)) }
            previousCJK = nil; runLength = 0
        }
        for scalar in text.unicodeScalars {
            let cls = ScriptClass.of(scalar)
            if cls.isCJK {
                endWord()
                if let p = previousCJK {
                    out.append(UnitHashes.finish(UInt64(p) << 21 ^ UInt64(scalar.value) | 1 << 42))
                }
                previousCJK = scalar.value
                runLength += 1
            } else if cls.isWordCharacter || (inWord && scalar.value >= 0x300 && scalar.properties.generalCategory == .nonspacingMark) {
                endRun()
                inWord = true
                let value: UInt32
                if scalar.value < 0x80 {
                    // ASCII: the lowercase mapping is A-Z → a-z, without the Unicode property lookup.
                    value = (0x41...0x5A).contains(scalar.value) ? scalar.value + 0x20 : scalar.value
                } else {
                    value = scalar.properties.changesWhenLowercased
                        ? scalar.properties.lowercaseMapping.unicodeScalars.first!.value : scalar.value
                }
                word = (word ^ UInt64(value)) &* UnitHashes.prime
            } else {
                endWord(); endRun()
            }
        }
        endWord(); endRun()
        return out
    }

    static func characterShingles(_ text: String, _ n: Int) -> [UInt64] {
        let chars = Array(TextNormalizer.canonical(text).unicodeScalars.filter { $0 != " " }).map { UInt64($0.value) }
        if chars.isEmpty { return [] }
        if chars.count <= n { return [chars.reduce(UnitHashes.offset) { UnitHashes.finish($0 ^ $1) }] }
        var out: [UInt64] = []
        out.reserveCapacity(chars.count - n + 1)
        for i in 0...(chars.count - n) {
            var h = UnitHashes.offset
            for j in i..<(i + n) { h = UnitHashes.finish(h ^ chars[j]) }
            out.append(h)
        }
        return out
    }

    /// Exact Jaccard similarity |A∩B| / |A∪B| of two sorted distinct shingle arrays, in doubles.
    public static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        a.withUnsafeBufferPointer { a in b.withUnsafeBufferPointer { b in jaccard(a, b) } }
    }

    /// Exact Jaccard of two sorted distinct shingle runs held elsewhere (e.g. slices of a flat array).
    public static func jaccard(_ a: UnsafeBufferPointer<UInt64>, _ b: UnsafeBufferPointer<UInt64>) -> Double {
        if a.isEmpty && b.isEmpty { return 1 }
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return Double(common) / Double(a.count + b.count - common)
    }
}
