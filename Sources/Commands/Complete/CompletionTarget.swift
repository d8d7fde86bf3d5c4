import Synthesis

/// An instruction `dsbench complete` will ask a model about, with the answer samples it still lacks (from that
/// model, with `--models`).
struct CompletionTarget {
    var id: Int64
    var instruction: String
    var input: String
    var system: String?
    var origin: String
    var language: String
    var isClassification: Bool?
    var missingSamples: [Int]
    /// The model to ask (`--models`); nil asks the command's `--model`.
    var model: String? = nil
    /// The document chunk a question was drawn from (`generate --from documents`): answered from it.
    var passage: String? = nil

    /// The stored language, or the detected one when the row has none.
    var promptLanguage: PromptLanguage {
        language == "zh" ? .chinese : language == "en" ? .english : PromptLanguage.detect(instruction)
    }
}
