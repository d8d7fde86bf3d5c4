import Store

/// What one score is about: a completion (judge) or an instruction alone (complexity), with the texts the
/// prompt shows.
struct ScoreSubject {
    var instructionID: Int64
    /// Nil for a score on the instruction itself.
    var completionID: Int64?
    var instruction: String
    var input: String
    var output: String?
    /// The example's system prompt, shown to the judge.
    var system: String? = nil
    /// A multi-turn example's stored conversation JSON; the judge then sees the turns before the answer.
    var conversation: String? = nil

    /// A row of the `examples` view with `instruction_id, completion_id, instruction, input, output, system,
    /// conversation`; throws when the query lacks one of them (a view that lost a column fails here instead of
    /// judging empty texts).
    init(examplesRow row: Row) throws {
        instructionID = try row.checked("instruction_id").intValue ?? 0
        completionID = try row.checked("completion_id").intValue
        instruction = try row.checked("instruction").stringValue ?? ""
        input = try row.checked("input").stringValue ?? ""
        output = try row.checked("output").stringValue
        system = try row.checked("system").stringValue
        conversation = try row.checked("conversation").stringValue
    }

    /// The resume key: one score per subject per scorer, model and template.
    var key: SubjectKey { SubjectKey(instructionID: instructionID, completionID: completionID) }

    /// Identifies a subject in the set of those already scored.
    struct SubjectKey: Hashable {
        var instructionID: Int64
        var completionID: Int64?
    }

    /// "completion 12 (instruction 5)" or "instruction 5", for warnings.
    var label: String {
        completionID.map { "completion \($0) (instruction \(instructionID))" } ?? "instruction \(instructionID)"
    }
}
