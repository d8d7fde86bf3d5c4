/// Fails degenerate, looping text: many identical lines, or most of the text covered by n-grams
/// that occur more than once ("I love you. I love you. I love you...").
public struct RepetitionRule: FilterRule, Codable, Equatable {
    public var name: String { "repetition" }
    public var scopes: Set<RuleScope> { [.instruction, .output] }
    /// Fail when more than this fraction of the (substantial) lines are repeats of an earlier line.
    public var maxDuplicateLineFraction = 0.3
    /// Lines shorter than this many units ("}", "end") are ignored for line repetition.
    public var minLineUnits = 3
    /// The n of the n-gram check, in units.
    public var ngram = 4
    /// Fail when more than this fraction of units lie inside repeated n-grams...
    public var maxRepeatedNgramFraction = 0.6
    /// ...for texts of at least this many units.
    public var minUnits = 24

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
        let ngramFraction = Self.repeatedNgramFraction(UnitHashes.of(text), n: ngram, minUnits: minUnits)
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

    /// Counts substantial lines and how many repeat an earlier one (compared in canonical form).
    static func duplicateLines(_ text: String, minUnits: Int) -> (total: Int, duplicates: Int) {
        var seen = Set<String>()
        var total = 0, duplicates = 0
        for line in text.split(whereSeparator: { $0 == "\n" }) {
            let s = String(line)
            if TextLength.units(s) < minUnits { continue }
            total += 1
            if !seen.insert(TextNormalizer.canonical(s)).inserted { duplicates += 1 }
        }
        return (total, duplicates)
    }

    /// Fraction of unit positions covered by an n-gram that occurs at least twice.
    public static func repeatedNgramFraction(_ units: [UInt64], n: Int, minUnits: Int) -> Double {
        guard units.count >= max(minUnits, n + 1), n > 0 else { return 0 }
        var counts: [UInt64: Int32] = [:]
        counts.reserveCapacity(units.count)
        var keys = [UInt64](repeating: 0, count: units.count - n + 1)
        for i in 0...(units.count - n) {
            var h: UInt64 = 0x9E37_79B9_7F4A_7C15
            for j in i..<(i + n) { h = UnitHashes.finish(h ^ units[j]) }
            keys[i] = h
            counts[h, default: 0] += 1
        }
        var covered = [Bool](repeating: false, count: units.count)
        for i in 0..<keys.count where counts[keys[i]]! > 1 {
            for j in i..<(i + n) { covered[j] = true }
        }
        return Double(covered.lazy.filter { $0 }.count) / Double(units.count)
    }
}
