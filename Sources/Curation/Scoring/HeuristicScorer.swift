/// Scores an example without a model from three signals, each on 0–10:
/// - length: answers of 20–800 units are ideal; very short or very long ones lose points;
/// - completeness: no refusal, not truncated, ends like a finished text;
/// - lexical diversity: moving-average type/token ratio over 50-unit windows (repetitive text scores low).
/// The total is 0.3·length + 0.4·completeness + 0.3·diversity.
public struct HeuristicScorer: Sendable {
    public var lengthWeight = 0.3
    public var completenessWeight = 0.4
    public var diversityWeight = 0.3

    public init() {}

    /// Scores an instruction with its output (or the instruction alone when there is no output).
    public func score(instruction: String, input: String = "", output: String?) -> HeuristicScore {
        let text = output ?? (input.isEmpty ? instruction : instruction + "\n" + input)
        let units = UnitHashes.of(text)
        let length = Self.lengthScore(units.count)
        let diversity = Self.movingTypeTokenRatio(units, window: 50)
        let diversityScore = units.count < 10 ? 7 : min(10, max(0, (diversity - 0.2) / 0.5 * 10))
        var detail: [String: DetailValue] = [
            "units": .int(units.count), "distinct_ratio": .double((diversity * 1000).rounded() / 1000),
        ]
        var completeness = 10.0
        var problems: [String] = []
        if let output {
            if let refusal = RefusalDetector.standard.detect(output) {
                completeness = 0
                problems.append(refusal.kind == .refusal ? "refusal" : "AI disclaimer")
                detail["refusal"] = .string(refusal.phrase)
            } else {
                let truncated = TruncationRule().evaluate(.output(output, instruction: instruction, input: input))
                if !truncated.passed {
                    completeness = 2
                    problems.append(truncated.reason ?? "truncated")
                    detail["truncated"] = .string(truncated.reason ?? "")
                } else if let last = output.trimmingWhitespace().unicodeScalars.last,
                          ![".", "!", "?", "。", "！", "？", "`", ")", "）", "\"", "”", "」", "*", "…"].contains(last),
                          units.count >= 20 {
                    completeness = 8
                    detail["ending"] = .string(String(last))
                }
            }
        }
        let value = lengthWeight * length + completenessWeight * completeness + diversityWeight * diversityScore
        let rounded = (min(10, max(0, value)) * 100).rounded() / 100
        var rationale = "length \(Self.format(length)), completeness \(Self.format(completeness)), diversity \(Self.format(diversityScore))"
        if !problems.isEmpty { rationale += " (" + problems.joined(separator: "; ") + ")" }
        return HeuristicScore(value: rounded,
                              components: ["length": length, "completeness": completeness, "diversity": diversityScore],
                              detail: detail, rationale: rationale)
    }

    static func format(_ x: Double) -> String {
        let r = (x * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    /// Length component from the unit count.
    static func lengthScore(_ units: Int) -> Double {
        switch units {
        case 0: return 0
        case 1..<3: return 3
        case 3..<10: return 5
        case 10..<20: return 8
        case 20...800: return 10
        case 801...2000: return 8
        default: return 6
        }
    }

    /// Mean distinct/total ratio over sliding windows (the whole text when shorter than the window).
    public static func movingTypeTokenRatio(_ units: [UInt64], window: Int) -> Double {
        if units.isEmpty { return 0 }
        if units.count <= window {
            // Distinct values of a short text: sort a copy and count the changes.
            let sorted = units.sorted()
            var distinct = 1
            for i in 1..<sorted.count where sorted[i] != sorted[i - 1] { distinct += 1 }
            return Double(distinct) / Double(units.count)
        }
        var counts = WindowCounts(window: window)
        for u in units[0..<window] { counts.add(u) }
        var total = Double(counts.distinct)
        var windows = 1
        var i = window
        // Slide the window one unit at a time, updating the counts incrementally (linear in the text length).
        while i < units.count {
            counts.remove(units[i - window])
            counts.add(units[i])
            total += Double(counts.distinct)
            windows += 1
            i += 1
        }
        return total / Double(windows) / Double(window)
    }
}
