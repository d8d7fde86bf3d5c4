import Foundation

/// Fails instructions and outputs with insults, threats, hate, sexual harassment or urging of self-harm
/// (see `ToxicityDetector`). A rules.json can add words and regular expressions, which count wherever they
/// appear: `{"toxicity": {"words": ["dimwit"], "patterns": ["\\bget\\s+rekt\\b"]}}`. The detail names the
/// category, the term, its severity and why it counted.
public struct ToxicityRule: FilterRule, Codable {
    public var name: String { "toxicity" }
    public var scopes: Set<RuleScope>
    /// The user's additions, matched like the keywords rule (whole words, any case; ICU regular expressions).
    private var additions: KeywordRule

    /// Builds the rule; throws when a pattern is not a valid regular expression.
    public init(words: [String] = [], patterns: [String] = [], scopes: Set<RuleScope> = [.instruction, .output]) throws {
        self.scopes = scopes
        additions = try KeywordRule(words: words, patterns: patterns, scopes: scopes)
    }

    /// Reads `words`, `patterns` and `scopes`, the keys of the keywords rule.
    public init(from decoder: Decoder) throws {
        additions = try KeywordRule(from: decoder)
        scopes = additions.scopes
    }

    public func encode(to encoder: Encoder) throws { try additions.encode(to: encoder) }

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        let text = subject.text
        let context = subject.scope == .output ? (subject.input.isEmpty ? subject.instruction : subject.instruction + "\n" + subject.input) : ""
        let detector = ToxicityDetector.standard
        if let found = detector.detect(text, context: context) {
            return .fail("\(found.category.rawValue): \"\(found.term)\" (\(found.why))", [
                "category": .string(found.category.rawValue), "term": .string(found.term),
                "severity": .string(found.severity.rawValue), "why": .string(found.why),
            ])
        }
        if !additions.isEmpty {
            let outcome = additions.evaluate(subject)
            if !outcome.passed {
                var detail = outcome.detail
                detail["category"] = "custom"
                return .fail("custom: \(outcome.reason ?? "")", detail)
            }
        }
        return .pass()
    }

}
