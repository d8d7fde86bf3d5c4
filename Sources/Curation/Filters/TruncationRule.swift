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

    static let continuationMarkers: [[UInt8]] = [
        "to be continued", "(continued)", "[continued]", "continued in part", "(to be continued)",
        "未完待续", "待续", "（未完）", "(未完)", "下回分解",
    ].map { Array($0.utf8) }
    /// Endings that cannot close a text. ';' '+' '-' '=' are left out: code and formulas end with them.
    static let danglingPunctuation: Set<UInt32> = Set([
        ",", "，", "、", "；", ":", "：", "(", "（", "[", "【", "{", "“", "‘", "《", "「", "—",
    ].map { $0.unicodeScalars.first!.value })
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
        let bytes = Array(output.utf8)
        var fences = 0
        var i = 0
        while i + 2 < bytes.count {
            if bytes[i] == 0x60 && bytes[i + 1] == 0x60 && bytes[i + 2] == 0x60 { fences += 1; i += 3 } else { i += 1 }
        }
        if fences % 2 == 1 { return .fail("unbalanced code fence", ["fences": .int(fences)]) }
        // Trim trailing whitespace (ASCII, NBSP, U+3000) and a final ellipsis for the marker check.
        var end = bytes.count
        while end > 0 {
            let b = bytes[end - 1]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { end -= 1 }
            else if end >= 3 && bytes[end - 3] == 0xE3 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0x80 { end -= 3 }
            else if end >= 2 && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xA0 { end -= 2 }
            else { break }
        }
        guard end > 0 else { return .pass() }
        var markerEnd = end
        while markerEnd > 0 {
            if bytes[markerEnd - 1] == 0x2E { markerEnd -= 1 }
            else if markerEnd >= 3 && bytes[markerEnd - 3] == 0xE2 && bytes[markerEnd - 2] == 0x80 && bytes[markerEnd - 1] == 0xA6 { markerEnd -= 3 }
            else { break }
        }
        for marker in Self.continuationMarkers where markerEnd >= marker.count {
            var matches = true
            for k in 0..<marker.count where PhraseScanner.fold(bytes[markerEnd - marker.count + k]) != marker[k] {
                matches = false; break
            }
            if matches {
                return .fail("ends with a continuation marker", ["marker": .string(String(decoding: marker, as: UTF8.self))])
            }
        }
        // Decode the last scalar.
        var start = end - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let lastText = String(decoding: bytes[start..<end], as: UTF8.self)
        guard let last = lastText.unicodeScalars.first else { return .pass() }
        if Self.danglingPunctuation.contains(last.value) {
            return .fail("ends with a dangling '\(last)'", ["ending": .string(String(last))])
        }
        let cls = ScriptClass.of(last)
        if cls == .latin && last.value < 0x80 {
            var w = end
            while w > 0 && bytes[w - 1] < 0x80 && ScriptClass.asciiClass(bytes[w - 1]) == .latin { w -= 1 }
            let word = String(decoding: bytes[w..<end], as: UTF8.self).lowercased()
            if word.count <= 7 && w > 0 && bytes[w - 1] == 0x20 && Self.danglingEnglish.contains(word)
                && TextLength.units(output) >= minUnitsForDanglingWord {
                return .fail("ends with the dangling word '\(word)'", ["ending": .string(word)])
            }
        } else if cls == .han {
            let tail = String(decoding: bytes[max(0, end - 6)..<end], as: UTF8.self)
            for w in Self.danglingChinese where tail.hasSuffix(w) {
                if TextLength.units(output) >= minUnitsForDanglingWord {
                    return .fail("ends with the dangling word '\(w)'", ["ending": .string(w)])
                }
            }
        }
        return .pass()
    }
}
