/// Fails subjects with no content: blank instructions, blank outputs, or placeholder outputs such as
/// "<nooutput>" and "N/A" that some datasets use for "no answer".
public struct EmptyRule: FilterRule, Codable, Equatable {
    public var name: String { "empty" }
    public var scopes: Set<RuleScope> { [.instruction, .output] }
    /// Outputs that count as empty after trimming and lower-casing.
    public var placeholders: [String] = ["<nooutput>", "<no output>", "<noinput>", "n/a", "none", "null", "nan"]

    public init() {}

    /// Every key optional, like the other rules: `{"empty": {}}` keeps the default placeholders.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        placeholders = try c.decodeIfPresent([String].self, forKey: .placeholders) ?? EmptyRule().placeholders
    }

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        let text = subject.scope == .instruction ? subject.instruction : (subject.output ?? "")
        let hasASCIIWord = text.utf8.contains { PhraseScanner.isWordByte($0) }
        if !hasASCIIWord && TextLength.units(text) == 0 && !text.unicodeScalars.contains(where: { ScriptClass.of($0) == .symbol }) {
            return .fail(subject.scope == .instruction ? "empty instruction" : "empty output")
        }
        if subject.scope == .output && text.utf8.count <= 16 {
            let trimmed = text.trimmingWhitespace().lowercased()
            if placeholders.contains(trimmed) { return .fail("placeholder output", ["placeholder": .string(trimmed)]) }
        }
        return .pass()
    }
}

extension String {
    /// The string without leading and trailing Unicode whitespace (including U+3000).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }
}
