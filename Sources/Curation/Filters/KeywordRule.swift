import Foundation

/// Fails subjects containing any of a user's words/phrases (case-insensitive, whole words) or
/// matching any of a user's regular expressions.
public struct KeywordRule: FilterRule, Codable {
    public var name: String { "keywords" }
    public var scopes: Set<RuleScope>
    /// Plain words or phrases.
    public var words: [String]
    /// Regular expressions (ICU syntax), matched case-insensitively.
    public var patterns: [String]

    private var scanner: PhraseScanner
    /// True when a word has non-ASCII cased letters (É, Ж, Σ): the scanner folds ASCII case only, so such texts
    /// are lower-cased in full before scanning.
    private var foldsUnicode: Bool
    private var regexes: [NSRegularExpressionBox]

    enum CodingKeys: String, CodingKey { case scopes, words, patterns }

    /// Builds the rule; throws when a pattern is not a valid regular expression.
    public init(words: [String] = [], patterns: [String] = [], scopes: Set<RuleScope> = [.instruction, .output]) throws {
        self.words = words
        self.patterns = patterns
        self.scopes = scopes
        scanner = PhraseScanner(words.map { $0.lowercased() })
        foldsUnicode = words.contains { word in
            word.unicodeScalars.contains { $0.value >= 0x80 && $0.properties.changesWhenCaseMapped }
        }
        regexes = try patterns.map { NSRegularExpressionBox(try NSRegularExpression(pattern: $0, options: [.caseInsensitive])) }
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(words: try c.decodeIfPresent([String].self, forKey: .words) ?? [],
                      patterns: try c.decodeIfPresent([String].self, forKey: .patterns) ?? [],
                      scopes: try c.decodeIfPresent(Set<RuleScope>.self, forKey: .scopes) ?? [.instruction, .output])
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(words, forKey: .words)
        try c.encode(patterns, forKey: .patterns)
        try c.encode(scopes.map(\.rawValue).sorted(), forKey: .scopes)
    }

    /// True when the rule has nothing to look for.
    public var isEmpty: Bool { words.isEmpty && patterns.isEmpty }

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        let text = subject.text
        if let m = scanner.firstMatch(in: foldsUnicode ? text.lowercased() : text) {
            return .fail("contains \"\(words[m.phrase])\"", ["keyword": .string(words[m.phrase])])
        }
        for (i, box) in regexes.enumerated() {
            let range = NSRange(text.startIndex..., in: text)
            if box.regex.firstMatch(in: text, options: [], range: range) != nil {
                return .fail("matches /\(patterns[i])/", ["pattern": .string(patterns[i])])
            }
        }
        return .pass()
    }
}

/// NSRegularExpression is immutable and thread-safe but not marked Sendable.
struct NSRegularExpressionBox: @unchecked Sendable {
    let regex: NSRegularExpression
    init(_ regex: NSRegularExpression) { self.regex = regex }
}
