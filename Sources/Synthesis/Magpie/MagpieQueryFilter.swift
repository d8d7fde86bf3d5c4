import Curation

/// The checks a Magpie query must pass before it is answered, each a verdict (`magpie-*`). A query drawn
/// from a bare template often goes wrong in recognisable ways: nothing or a fragment (`magpie-empty`), a
/// query that runs on into its own answer — a role word at a line start, `Answer:`, `Solution:`, `答：`
/// (`magpie-runon`), a lead-in that ends with a colon (`magpie-colon`), a Markdown heading instead of a
/// question (`magpie-heading`), leaked template tokens (`magpie-template-token`), the wrong language
/// (`magpie-language`), or a reply cut by `max_tokens` or cut mid-sentence by a stop string that matched inside
/// the query (`magpie-length`). Pure.
public struct MagpieQueryFilter: Sendable {
    public static let empty = "magpie-empty"
    public static let runOn = "magpie-runon"
    public static let colon = "magpie-colon"
    public static let heading = "magpie-heading"
    public static let templateToken = "magpie-template-token"
    public static let language = "magpie-language"
    public static let length = "magpie-length"
    public static let duplicate = "magpie-duplicate"

    /// Fewer units (Latin words + CJK characters) than this is a fragment.
    public var minimumUnits = 3
    /// The language asked for (`--lang`), or nil to accept any.
    public var expectedLanguage: Language?

    public init(minimumUnits: Int = 3, expectedLanguage: Language? = nil) {
        self.minimumUnits = minimumUnits
        self.expectedLanguage = expectedLanguage
    }

    static let runOnLabels = [
        "assistant", "user:", "answer:", "solution:", "response:", "ai:", "### response", "答：", "答:", "回答：", "回答:",
        "答案：", "答案:", "解答：", "解：", "助手：", "助手:",
    ]
    static let templateTokens = [
        "<|", "|>", "<start_of_turn>", "<end_of_turn>", "[INST]", "[/INST]", "<s>", "</s>", "<bos>", "<eos>", "<｜",
        "｜>", "[gMASK]", "<sop>",
    ]

    /// The query with the whitespace around it removed, and a trailing `assistant`/`Assistant` on its own line or
    /// glued to the query's last punctuation (what is left of a missed end of turn when a server strips special
    /// tokens) cut off; the word after a space ("find me an assistant") is part of the query.
    public static func clean(_ raw: String) -> String {
        var text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        for word in ["assistant", "Assistant"] where text.hasSuffix(word) {
            let before = text.dropLast(word.count)
            if before.isEmpty || before.last!.isNewline || before.last!.isPunctuation {
                text = before.trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return text
    }

    /// The first failing check, or nil when the query is usable. `finishReason` is the server's; `rawQuery` is the
    /// reply's text before `clean`, when known.
    public func failure(query: String, finishReason: String?, rawQuery: String? = nil) -> GenerationVerdict? {
        if finishReason == "length" {
            return GenerationVerdict(filter: Self.length, passed: false, reason: "the query was cut off by max_tokens (finish_reason length)")
        }
        // Servers match stop strings anywhere in the text, so the bare role word `assistant` sent as a stop also
        // fires inside a query ("Can you be my assistant for…" comes back as "Can you be my "). A missed end of
        // turn leaves the word glued to the query or on its own line; a reply that ends in a space was cut
        // mid-sentence, and the fragment must not be answered as if it were a whole query.
        if let last = rawQuery?.unicodeScalars.last, last == " " || last == "\t" || last == "\u{3000}" {
            return GenerationVerdict(filter: Self.length, passed: false, reason: "the query was cut mid-sentence (it ends in a space where a stop string matched inside it)")
        }
        let counts = ScriptCounts(query)
        let units = counts.cjk + counts.latinWords + counts.otherWords + counts.numbers
        if units < minimumUnits {
            return GenerationVerdict(filter: Self.empty, passed: false, reason: "\(units) units, at least \(minimumUnits) needed")
        }
        if let token = Self.templateTokens.first(where: { query.contains($0) }) {
            return GenerationVerdict(filter: Self.templateToken, passed: false, reason: "contains the template token '\(token)'")
        }
        if query.hasPrefix("#") {
            return GenerationVerdict(filter: Self.heading, passed: false, reason: "starts with a Markdown heading")
        }
        for line in query.split(whereSeparator: \.isNewline).dropFirst() {
            let lowered = line.trimmingCharacters(in: .whitespaces).lowercased()
            if let label = Self.runOnLabels.first(where: { lowered.hasPrefix($0) }) {
                return GenerationVerdict(filter: Self.runOn, passed: false, reason: "runs on into an answer ('\(label)' at a line start)")
            }
        }
        if let first = Self.runOnLabels.first(where: { query.lowercased().hasPrefix($0) && $0.hasSuffix(":") || query.hasPrefix($0) && $0.hasSuffix("：") }) {
            return GenerationVerdict(filter: Self.runOn, passed: false, reason: "starts with the answer label '\(first)'")
        }
        if query.hasSuffix(":") || query.hasSuffix("：") {
            return GenerationVerdict(filter: Self.colon, passed: false, reason: "ends with a colon (a lead-in, not a query)")
        }
        if let expectedLanguage {
            let detected = LanguageDetector.detect(query)
            if detected != expectedLanguage {
                return GenerationVerdict(filter: Self.language, passed: false, reason: "language \(detected.rawValue), asked for \(expectedLanguage.rawValue)")
            }
        }
        return nil
    }
}
