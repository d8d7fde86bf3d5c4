import Foundation

/// Settings of every rule plus the default selection, loadable from a `rules.json`. Every key is optional:
/// missing ones keep the SFT defaults below, e.g. `{"rules": ["length", "pii"], "length": {"outputMin": 5}}`.
public struct FilterConfig: Sendable, Codable {
    /// Rules run when the command line names none.
    public var rules: [String] = FilterConfig.defaultRuleNames
    public var empty = EmptyRule()
    public var length = LengthRule()
    public var repetition = RepetitionRule()
    public var truncated = TruncationRule()
    public var refusal = RefusalRule()
    public var keywords: KeywordRule = try! KeywordRule()
    public var inputEcho = InputEchoRule()
    public var languageMismatch = LanguageMismatchRule()
    public var pii = PIIRule()
    public var toxicity: ToxicityRule = try! ToxicityRule()

    /// The default rule set (keywords joins when words or patterns are configured).
    public static let defaultRuleNames = ["empty", "length", "repetition", "truncated", "refusal", "input-echo",
                                          "language-mismatch", "pii", "toxicity"]
    /// Every rule name known.
    public static let allRuleNames = ["empty", "length", "repetition", "truncated", "refusal", "keywords",
                                      "input-echo", "language-mismatch", "pii", "toxicity"]

    public init() {}

    enum CodingKeys: String, CodingKey {
        case rules, empty, length, repetition, truncated, refusal, keywords, inputEcho = "input-echo"
        case languageMismatch = "language-mismatch", pii, toxicity
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = FilterConfig()
        keywords = try c.decodeIfPresent(KeywordRule.self, forKey: .keywords) ?? d.keywords
        rules = try c.decodeIfPresent([String].self, forKey: .rules)
            ?? (keywords.isEmpty ? d.rules : d.rules + ["keywords"])
        empty = try c.decodeIfPresent(EmptyRule.self, forKey: .empty) ?? d.empty
        length = try c.decodeIfPresent(LengthRule.self, forKey: .length) ?? d.length
        repetition = try c.decodeIfPresent(RepetitionRule.self, forKey: .repetition) ?? d.repetition
        truncated = try c.decodeIfPresent(TruncationRule.self, forKey: .truncated) ?? d.truncated
        refusal = try c.decodeIfPresent(RefusalRule.self, forKey: .refusal) ?? d.refusal
        inputEcho = try c.decodeIfPresent(InputEchoRule.self, forKey: .inputEcho) ?? d.inputEcho
        languageMismatch = try c.decodeIfPresent(LanguageMismatchRule.self, forKey: .languageMismatch) ?? d.languageMismatch
        pii = try c.decodeIfPresent(PIIRule.self, forKey: .pii) ?? d.pii
        toxicity = try c.decodeIfPresent(ToxicityRule.self, forKey: .toxicity) ?? d.toxicity
    }

    /// Loads a config from JSON data.
    public static func load(_ data: Data) throws -> FilterConfig {
        try JSONDecoder().decode(FilterConfig.self, from: data)
    }

    /// The configured rule with this name, or nil for an unknown name.
    public func rule(named name: String) -> (any FilterRule)? {
        switch name {
        case "empty": return empty
        case "length": return length
        case "repetition": return repetition
        case "truncated": return truncated
        case "refusal": return refusal
        case "keywords": return keywords
        case "input-echo": return inputEcho
        case "language-mismatch": return languageMismatch
        case "pii": return pii
        case "toxicity": return toxicity
        default: return nil
        }
    }

    /// Rules for the given names (default: `rules`); throws `FilterConfigError` naming an unknown rule.
    public func makeRules(_ names: [String]? = nil) throws -> [any FilterRule] {
        try (names ?? rules).map { name in
            guard let rule = rule(named: name) else { throw FilterConfigError.unknownRule(name) }
            return rule
        }
    }
}

/// Problems with a filter configuration.
public enum FilterConfigError: Error, Equatable, CustomStringConvertible {
    /// A rule name that does not exist.
    case unknownRule(String)

    public var description: String {
        switch self {
        case .unknownRule(let name):
            return "unknown rule '\(name)' (known: \(FilterConfig.allRuleNames.joined(separator: ", ")))"
        }
    }
}
