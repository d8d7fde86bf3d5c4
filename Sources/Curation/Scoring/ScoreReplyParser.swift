import Foundation

/// Reads a 1–10 score and a rationale from a model's reply, however the model chose to write it.
///
/// The prompts ask for `{"score": 7, "rationale": "…"}`, but models add fences, prose, reasoning blocks or
/// answer "Score: 7/10" and "评分：7分" instead. The reader tries, in order: a JSON object with a score field;
/// a labelled score (the last one, as models tend to conclude with it); a fraction of ten; Chinese points
/// ("7分", not "满分10分"); a reply that is only a number. A reply without a score, or with one outside the scale
/// or given out of something other than ten, is a `ScoreParseFailure` with the reason — never a guess.
public enum ScoreReplyParser {
    /// The scale the prompts ask for.
    public static let scale: ClosedRange<Double> = 1...10

    /// The score in `reply`, or why there is none.
    public static func parse(_ reply: String) -> Result<ModelScore, ScoreParseFailure> {
        let text: String
        switch ReplyText.visible(normalizeWidth(reply)) {
        case .success(let visible): text = visible
        case .failure(let failure): return .failure(failure)
        }

        for object in ReplyText.jsonObjects(in: text) {
            guard let field = scoreField(in: object) else { continue }
            let rationale = rationaleField(in: object)
            switch field {
            case let number as NSNumber where !isBoolean(number):
                return validated(number.doubleValue, rationale: rationale, form: .json)
            case let string as String:
                switch parse(string) {
                case .success(let inner): return .success(ModelScore(value: inner.value, rationale: rationale, form: .json))
                case .failure(let failure): return .failure(ScoreParseFailure("JSON score \"\(string)\": \(failure.reason)"))
                }
            default:
                return .failure(ScoreParseFailure("JSON score field is not a number: \(field)"))
            }
        }

        if let match = lastMatch(labelledPattern, in: text) {
            return scored(match, in: text, form: .labelled)
        }
        let fractions = matches(fractionPattern, in: text)
        if let match = fractions.last(where: { denominator($0, in: text) == 10 }) {
            return scored(match, in: text, form: .fraction)
        }
        if let match = fractions.last, let other = denominator(match, in: text) {
            return .failure(ScoreParseFailure("score given out of \(format(other)), expected out of 10"))
        }
        if let match = lastMatch(pointsPattern, in: text) {
            return scored(match, in: text, form: .points)
        }
        if let match = lastMatch(barePattern, in: text) {
            return scored(match, in: text, form: .bare)
        }
        return .failure(ScoreParseFailure("no score found in the reply"))
    }

    // MARK: - Patterns

    /// Words that introduce a score. A parenthesised scale ("Score (1-10):") may follow the label.
    private static let labels = "score|rating|rated|rate it|rate this|give it|评分|分数|得分|打分|给分|打"
    private static let number = "(-?\\d+(?:\\.\\d+)?|[一二三四五六七八九十])"
    private static let filler = "[\\s\"'*_#`]*"

    /// "Score: 7", "**Rating**: 8/10", "\"score\": 6", "评分为 7 分", "Score (1-10): 7".
    private static let labelledPattern =
        "(?i)(?<![a-z])(?:\(labels))\(filler)(?:[(（][^)）\\n]{0,20}[)）])?\(filler)"
        + "(?:[:：=\\-–]|is|of|as|an?|为|是|为：|是：)?\(filler)(?:an?\\s+)?\(number)"
        + "(?:\\s*分)?(?:\\s*(?:/|out of|分之|满分)\\s*(\\d+(?:\\.\\d+)?))?"

    /// "7/10", "7 out of 10", "7.5 / 10".
    private static let fractionPattern = "(?i)(-?\\d+(?:\\.\\d+)?)\\s*(?:/|out of)\\s*(\\d+(?:\\.\\d+)?)"

    /// "7分", "7 分" — but not the scale in "满分10分", "10分制" or words like 分析.
    private static let pointsPattern = "(?<!满分)(?<!满分 )(?<!总分)(?<!\\d)(-?\\d+(?:\\.\\d+)?)\\s*分(?![制析钟布别类])"

    /// The whole reply is a number, perhaps bold or followed by a full stop.
    private static let barePattern = "^[\\s*_`]*(-?\\d+(?:\\.\\d+)?)[\\s*_`]*[.。!！]?[\\s*_`]*$"

    /// Keys that hold the score, and keys that hold the reasoning, in a JSON reply (compared lower-cased).
    private static let scoreKeys = ["score", "rating", "overall_score", "final_score", "complexity", "quality", "评分", "分数", "得分"]
    private static let rationaleKeys = [
        "rationale", "reason", "reasoning", "explanation", "justification", "comment", "理由", "原因", "解释", "评语", "说明",
    ]

    // MARK: - Reading a match

    /// The score of a match (capture 1) checked against the scale (and capture 2, the denominator, if any).
    private static func scored(_ match: NSTextCheckingResult, in text: String, form: ScoreReplyForm) -> Result<ModelScore, ScoreParseFailure> {
        guard let raw = capture(1, of: match, in: text), let value = numberValue(raw) else {
            return .failure(ScoreParseFailure("no score found in the reply"))
        }
        if let total = denominator(match, in: text), total != 10 {
            return .failure(ScoreParseFailure("score given out of \(format(total)), expected out of 10"))
        }
        return validated(value, rationale: rationale(in: text, excluding: match.range), form: form)
    }

    private static func validated(_ value: Double, rationale: String?, form: ScoreReplyForm) -> Result<ModelScore, ScoreParseFailure> {
        guard value.isFinite, scale.contains(value) else {
            return .failure(ScoreParseFailure("score \(format(value)) is outside 1–10"))
        }
        return .success(ModelScore(value: value, rationale: rationale, form: form))
    }

    private static func denominator(_ match: NSTextCheckingResult, in text: String) -> Double? {
        guard match.numberOfRanges > 2, let raw = capture(2, of: match, in: text) else { return nil }
        return Double(raw)
    }

    private static let chineseDigits: [Character: Double] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    ]

    private static func numberValue(_ raw: String) -> Double? {
        if let digit = raw.first, raw.count == 1, let value = chineseDigits[digit] { return value }
        return Double(raw)
    }

    /// Text after a rationale label, or else the reply without the score phrase; nil when nothing is left.
    private static func rationale(in text: String, excluding range: NSRange) -> String? {
        var rest = text
        if let swiftRange = Range(range, in: text) { rest.replaceSubrange(swiftRange, with: " ") }
        let label = "(?i)(?:rationale|reason(?:ing)?|explanation|justification|理由|原因|解释|评语|说明)[\\s*_]*[:：][\\s*_]*"
        if let match = firstMatch(label, in: rest), let after = Range(match.range, in: rest) {
            rest = String(rest[after.upperBound...])
        }
        return cleaned(rest)
    }

    /// Trims whitespace, markdown emphasis and stray punctuation; caps the length.
    private static func cleaned(_ text: String) -> String? {
        let lines = text.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t*_#`>-")) }
            .filter { !$0.isEmpty }
        let joined = lines.joined(separator: " ")
            .trimmingCharacters(in: CharacterSet(charactersIn: " .,;:，。；：!！").union(.whitespaces))
        guard joined.contains(where: { $0.isLetter }) else { return nil }
        return joined.count > 1000 ? String(joined.prefix(1000)) + "…" : joined
    }

    // MARK: - JSON

    private static func scoreField(in object: [String: Any]) -> Any? {
        for key in scoreKeys {
            if let (_, value) = object.first(where: { $0.key.lowercased() == key }), !(value is NSNull) { return value }
        }
        for value in object.values {
            if let nested = value as? [String: Any], let field = scoreField(in: nested) { return field }
        }
        return nil
    }

    private static func rationaleField(in object: [String: Any]) -> String? {
        for key in rationaleKeys {
            if let (_, value) = object.first(where: { $0.key.lowercased() == key }), let text = value as? String {
                return cleaned(text)
            }
        }
        for value in object.values {
            if let nested = value as? [String: Any], let text = rationaleField(in: nested) { return text }
        }
        return nil
    }

    /// JSON booleans arrive as NSNumber too (type code "c", which JSON numbers never have); `true` is not a 1.
    private static func isBoolean(_ number: NSNumber) -> Bool {
        String(cString: number.objCType) == "c"
    }

    // MARK: - Regular expressions

    private static func regex(_ pattern: String) -> NSRegularExpression? {
        try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])
    }

    private static func matches(_ pattern: String, in text: String) -> [NSTextCheckingResult] {
        regex(pattern)?.matches(in: text, range: NSRange(text.startIndex..., in: text)) ?? []
    }

    private static func lastMatch(_ pattern: String, in text: String) -> NSTextCheckingResult? {
        matches(pattern, in: text).last
    }

    private static func firstMatch(_ pattern: String, in text: String) -> NSTextCheckingResult? {
        regex(pattern)?.firstMatch(in: text, range: NSRange(text.startIndex..., in: text))
    }

    private static func capture(_ group: Int, of match: NSTextCheckingResult, in text: String) -> String? {
        let range = match.range(at: group)
        guard range.location != NSNotFound, let swiftRange = Range(range, in: text) else { return nil }
        return String(text[swiftRange])
    }

    /// Full-width digits and punctuation (common in Chinese replies) as ASCII.
    private static func normalizeWidth(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0xFF10...0xFF19, 0xFF0F, 0xFF0E: scalars.append(Unicode.Scalar(scalar.value - 0xFEE0)!)
            default: scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e9 ? String(Int(value)) : String(value)
    }
}
