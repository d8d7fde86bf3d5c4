import Foundation

/// Fails outputs that stop before they are finished: the model hit its token limit
/// (finish_reason "length"), a code fence is left open, the text says it continues
/// ("to be continued", "未完待续"), or it ends on a comma, colon, opening bracket or a word such as
/// "and"/"the"/"以及" that cannot end a sentence.
public struct TruncationRule: FilterRule, Codable, Equatable {
    public var name: String { "truncated" }
    public var scopes: Set<RuleScope> { [.output] }
    /// Dangling-word checks apply only to outputs at least this long (short answers may lack punctuation).
    public var minUnitsForDanglingWord = 8

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minUnitsForDanglingWord = try c.decodeIfPresent(Int.self, forKey: .minUnitsForDanglingWord) ?? 8
    }

    static let continuationMarkers = [
        "to be continued", "(continued)", "[continued]", "continued in part", "(to be continued)",
        "未完待续", "待续", "（未完）", "(未完)", "未完，", "下回分解",
    ]
    static let danglingPunctuation: Set<Unicode.Scalar> = [
        ",", "，", "、", ";", "；", ":", "：", "(", "（", "[", "【", "{", "“", "‘", "《", "「", "-", "—", "=", "+",
    ]
    static let danglingEnglish: Set<String> = [
        "and", "or", "the", "a", "an", "of", "to", "with", "for", "in", "on", "at", "by", "from", "that",
        "which", "but", "because", "is", "are", "was", "were", "such", "as", "their", "its", "your", "my", "our",
    ]
    static let danglingChinese = ["和", "与", "以及", "或者", "或", "因为", "但是", "而且", "并且", "所以", "例如", "比如", "包括", "如下"]

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        let output = subject.output ?? ""
        if subject.finishReason == "length" {
            return .fail("finish_reason is length (token limit reached)", ["finish_reason": "length"])
        }
        var fences = 0
        var searchFrom = output.startIndex
        while let r = output.range(of: "```", range: searchFrom..<output.endIndex) {
            fences += 1
            searchFrom = r.upperBound
        }
        if fences % 2 == 1 { return .fail("unbalanced code fence", ["fences": .int(fences)]) }
        let trimmed = output.trimmingWhitespace()
        guard let last = trimmed.unicodeScalars.last else { return .pass() }
        let tail = String(trimmed.suffix(24)).lowercased()
        for marker in Self.continuationMarkers where tail.hasSuffix(marker) || tail.hasSuffix(marker + ".")
            || tail.hasSuffix(marker + "...") || tail.hasSuffix(marker + "……") {
            return .fail("ends with a continuation marker", ["marker": .string(marker)])
        }
        if Self.danglingPunctuation.contains(last) {
            return .fail("ends with a dangling '\(last)'", ["ending": .string(String(last))])
        }
        if TextLength.units(trimmed) >= minUnitsForDanglingWord {
            if ScriptClass.of(last) == .latin {
                var word = ""
                for s in trimmed.unicodeScalars.reversed() {
                    guard ScriptClass.of(s) == .latin else { break }
                    word.unicodeScalars.insert(s, at: word.unicodeScalars.startIndex)
                }
                if Self.danglingEnglish.contains(word.lowercased()) {
                    return .fail("ends with the dangling word '\(word)'", ["ending": .string(word)])
                }
            } else if ScriptClass.of(last) == .han {
                for w in Self.danglingChinese where trimmed.hasSuffix(w) {
                    return .fail("ends with the dangling word '\(w)'", ["ending": .string(w)])
                }
            }
        }
        return .pass()
    }
}
