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
