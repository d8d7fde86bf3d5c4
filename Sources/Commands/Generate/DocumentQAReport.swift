/// `generate --from documents`' own part of its summary (the call totals come from `ModelCallSummary`).
struct DocumentQAReport: ModelCallReport {
    var from = "documents"
    /// Chunks selected (matching `--where`, without questions of this style yet).
    var chunks: Int
    /// Chunks whose reply gave usable questions in this run.
    var chunksDone = 0
    var questions = 0
    var answers = 0
    var notSelfContained = 0
    var duplicates = 0
    var ungrounded = 0
    /// Replies with nothing usable (no JSON pairs, labelled pairs or numbered questions).
    var unusableReplies = 0
    var style: String
    var template: String
    var nothingToDo = false
    /// Dry run: calls per chunk (1, plus one judge call per answer with `--grounding judge`).
    var callsPerChunk: Int?

    enum CodingKeys: String, CodingKey {
        case from, chunks, questions, answers, duplicates, ungrounded, style, template
        case chunksDone = "chunks_done"
        case notSelfContained = "not_self_contained"
        case unusableReplies = "unusable_replies"
        case callsPerChunk = "calls_per_chunk"
    }

    var text: String {
        if nothingToDo { return "no chunk matches --where without \(style) questions already; nothing to do" }
        if let callsPerChunk {
            return "\(chunks) chunks × \(callsPerChunk) call\(callsPerChunk == 1 ? "" : "s") per chunk (the estimate below counts the generation calls)"
        }
        var line = "\(chunksDone)/\(chunks) chunks, \(questions) questions"
        if style == "qa" { line += ", \(answers) answers (\(ungrounded) not grounded)" }
        line += ", \(notSelfContained) not self-contained, \(duplicates) duplicates"
        if unusableReplies > 0 { line += ", \(unusableReplies) unusable replies" }
        return line
    }
}
