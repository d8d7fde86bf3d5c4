/// Fails degenerate, looping text: many identical lines, or most of the text covered by n-grams
/// that occur more than once ("I love you. I love you. I love you...").
public struct RepetitionRule: FilterRule, Codable, Equatable {
    public var name: String { "repetition" }
    public var scopes: Set<RuleScope> { [.instruction, .output] }
    /// Fail when more than this fraction of the (substantial) lines are repeats of an earlier line.
    public var maxDuplicateLineFraction = 0.5
    /// Lines shorter than this many units ("}", "end") are ignored for line repetition.
    public var minLineUnits = 3
    /// The n of the n-gram check, in units.
    public var ngram = 5
    /// Fail when more than this fraction of units lie inside repeated n-grams...
    public var maxRepeatedNgramFraction = 0.7
    /// ...for texts of at least this many units.
    public var minUnits = 40

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = RepetitionRule()
        maxDuplicateLineFraction = try c.decodeIfPresent(Double.self, forKey: .maxDuplicateLineFraction) ?? d.maxDuplicateLineFraction
        minLineUnits = try c.decodeIfPresent(Int.self, forKey: .minLineUnits) ?? d.minLineUnits
        ngram = try c.decodeIfPresent(Int.self, forKey: .ngram) ?? d.ngram
        maxRepeatedNgramFraction = try c.decodeIfPresent(Double.self, forKey: .maxRepeatedNgramFraction) ?? d.maxRepeatedNgramFraction
        minUnits = try c.decodeIfPresent(Int.self, forKey: .minUnits) ?? d.minUnits
    }

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        let text = subject.scope == .instruction ? subject.instruction : (subject.output ?? "")
        let lines = Self.duplicateLines(text, minUnits: minLineUnits)
        let units = UnitHashes.of(text)
        let ngramFraction = Self.repeatedNgramFraction(units, n: ngram, minUnits: minUnits)
        let detail: [String: DetailValue] = [
            "lines": .int(lines.total), "duplicate_lines": .int(lines.duplicates),
            "repeated_ngram_fraction": .double((ngramFraction * 1000).rounded() / 1000),
        ]
        if lines.total >= 4 && Double(lines.duplicates) > maxDuplicateLineFraction * Double(lines.total) {
            return .fail("\(lines.duplicates) of \(lines.total) lines are repeated", detail)
        }
        if ngramFraction > maxRepeatedNgramFraction {
            let percent = Int((ngramFraction * 100).rounded())
            return .fail("\(percent)% of the text is repeated \(ngram)-grams", detail)
        }
        return .pass(detail)
    }

    /// Counts substantial lines and how many repeat an earlier one. Lines are compared by a hash of
    /// their word bytes (ASCII case folded; spaces and ASCII punctuation ignored).
    static func duplicateLines(_ text: String, minUnits: Int) -> (total: Int, duplicates: Int) {
        var newlines = 0
        for b in text.utf8 where b == 0x0A { newlines += 1 }
        if newlines < 3 { return (0, 0) }
        var seen = Set<UInt64>()
        var total = 0, duplicates = 0
        var h = UnitHashes.offset
        var units = 0
        var inWord = false
        func endLine() {
            if units >= minUnits {
                total += 1
                if !seen.insert(h).inserted { duplicates += 1 }
            }
            h = UnitHashes.offset; units = 0; inWord = false
        }
        for b in text.utf8 {
            if b == 0x0A { endLine(); continue }
            if b >= 0x80 {
                if b >= 0xC0 { units += 1 }  // roughly one unit per non-ASCII character
                h = (h ^ UInt64(b)) &* UnitHashes.prime
                inWord = false
            } else if PhraseScanner.isWordByte(b) {
                if !inWord { units += 1; inWord = true; h = (h ^ 0x20) &* UnitHashes.prime }
                h = (h ^ UInt64(PhraseScanner.fold(b))) &* UnitHashes.prime
            } else {
                inWord = false
            }
        }
        endLine()
        return (total, duplicates)
    }

    /// Fraction of unit positions covered by an n-gram that occurs at least twice.
    public static func repeatedNgramFraction(_ units: [UInt64], n: Int, minUnits: Int) -> Double {
        guard units.count >= max(minUnits, n + 1), n > 0 else { return 0 }
        var keys = [UInt64](repeating: 0, count: units.count - n + 1)
        for i in 0...(units.count - n) {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for j in i..<(i + n) { h = UnitHashes.finish(h ^ units[j]) }
            keys[i] = h
        }
        // Repeated keys found with an open-addressing table (the keys are avalanched hashes, so their low bits
        // pick the slot): seen[i] is 0 for an empty slot, 1 for a key met once, 2 for a repeated key.
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        let mask = capacity - 1
        var slots = [UInt64](repeating: 0, count: capacity)
        var seen = [UInt8](repeating: 0, count: capacity)
        var slotOfKey = [Int](repeating: 0, count: keys.count)
        var anyRepeated = false
        for k in 0..<keys.count {
            let key = keys[k]
            var i = Int(truncatingIfNeeded: key) & mask
            while seen[i] != 0 && slots[i] != key { i = (i + 1) & mask }
            if seen[i] == 0 { slots[i] = key; seen[i] = 1 } else { seen[i] = 2; anyRepeated = true }
            slotOfKey[k] = i
        }
        if !anyRepeated { return 0 }
        var covered = [Bool](repeating: false, count: units.count)
        for k in 0..<keys.count where seen[slotOfKey[k]] == 2 {
            for j in k..<(k + n) { covered[j] = true }
        }
        return Double(covered.lazy.filter { $0 }.count) / Double(units.count)
    }
}
