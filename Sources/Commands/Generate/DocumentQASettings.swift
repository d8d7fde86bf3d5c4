import Synthesis

/// The options of `generate --from documents`, validated: questions per chunk, style, the `--where`
/// condition on the `document_chunks` view, how grounding is checked, and the prompt language override.
/// Encoded (with the model options) into `runs.options`.
struct DocumentQASettings: Encodable {
    /// How `doc-grounded` is decided: ROUGE-L recall of the answer against the chunk, or a model judge.
    enum Grounding: String, Encodable {
        case rouge, judge
    }

    enum CodingKeys: String, CodingKey {
        case perChunk = "per_chunk"
        case style
        case condition = "where"
        case grounding
        case groundingThreshold = "grounding_threshold"
        case language = "lang"
        case from
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("documents", forKey: .from)
        try container.encode(perChunk, forKey: .perChunk)
        try container.encode(style, forKey: .style)
        try container.encodeIfPresent(condition, forKey: .condition)
        try container.encode(grounding, forKey: .grounding)
        try container.encode(groundingThreshold, forKey: .groundingThreshold)
        try container.encodeIfPresent(language, forKey: .language)
    }

    let perChunk: Int
    let style: DocumentQAStyle
    let condition: WhereCondition?
    let grounding: Grounding
    let groundingThreshold: Double
    let language: PromptLanguage?

    init(arguments: ParsedArguments) throws(UsageError) {
        perChunk = try arguments.int("per-chunk", minimum: 1) ?? 3
        guard perChunk <= 20 else { throw UsageError("--per-chunk is at most 20, got \(perChunk)") }
        style = arguments.string("style").flatMap(DocumentQAStyle.init(rawValue:)) ?? .qa
        condition = WhereCondition(arguments.string("where"))
        grounding = arguments.string("grounding").flatMap(Grounding.init(rawValue:)) ?? .rouge
        groundingThreshold = try arguments.double("grounding-threshold", in: 0...1) ?? 0.5
        language = arguments.string("lang").flatMap(PromptLanguage.init(rawValue:))
        if style == .instructions, arguments.string("grounding") != nil {
            throw UsageError("--grounding checks answers; --style instructions writes questions only")
        }
    }
}
