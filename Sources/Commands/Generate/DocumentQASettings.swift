import Synthesis

/// The options of `generate --from documents`, validated: questions per chunk, style, the `--where`
/// condition on the `document_chunks` view, how grounding is checked, and the prompt language override.
struct DocumentQASettings {
    /// How `doc-grounded` is decided: ROUGE-L recall of the answer against the chunk, or a model judge.
    enum Grounding: String {
        case rouge, judge
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
