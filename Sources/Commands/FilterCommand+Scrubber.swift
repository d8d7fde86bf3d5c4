import Curation
import Store

extension FilterCommand {
    /// Writes redacted copies of rows containing PII, keeping the originals: an instruction with PII gets a
    /// scrubbed instruction (parent_id → original) with copies of its completions; a completion with PII
    /// under a clean instruction gets a scrubbed sibling completion (parent_id → original). A copy that an
    /// earlier run already wrote with the same text is reused, so running `--scrub` again adds no second copy.
    struct Scrubber {
        let database: Database
        let runID: Int64
        /// Redacts the PII kinds the configuration's `pii` rule looks for.
        let scrubber: PIIScrubber

        /// Returns the new rows as subjects so the same rules can judge them.
        func scrub(_ subjects: [Subject]) throws -> [Subject] {
            var created: [Subject] = []
            var scrubbedInstructions: [Int64: (id: Int64, instruction: String, input: String)] = [:]
            for subject in subjects where subject.completionID == nil {
                let instruction = scrubber.scrub(subject.value.instruction)
                let input = scrubber.scrub(subject.value.input)
                if instruction.spans.isEmpty && input.spans.isEmpty { continue }
                if let existing = try database.first(
                    "SELECT id FROM instructions WHERE parent_id = ? AND origin = 'scrubbed' AND instruction = ? AND input = ?",
                    [.integer(subject.instructionID), .text(instruction.text), .text(input.text)]) {
                    scrubbedInstructions[subject.instructionID] = (Int64(existing.int("id")), instruction.text, input.text)
                    continue
                }
                guard let original = try database.first("SELECT * FROM instructions WHERE id = ?", [.integer(subject.instructionID)]) else { continue }
                var row = InstructionStore.NewInstruction(instruction: instruction.text, origin: .scrubbed, runID: runID)
                row.input = input.text
                row.system = original.optionalString("system").map { scrubber.scrub($0).text }
                row.parentID = subject.instructionID
                row.rootID = original.optionalInt("root_id").map(Int64.init) ?? subject.instructionID
                row.depth = original.int("depth")
                row.strategy = original.optionalString("strategy")
                row.language = original.string("language")
                row.taskType = original.optionalString("task_type")
                row.source = original.optionalString("source")
                row.sourceID = original.optionalInt("source_id").map(Int64.init)
                let id = try InstructionStore(database).insert(row)
                scrubbedInstructions[subject.instructionID] = (id, instruction.text, input.text)
                created.append(Subject(instructionID: id, completionID: nil, value: .instruction(instruction.text, input: input.text)))
            }
            for subject in subjects {
                guard let completionID = subject.completionID, let output = subject.value.output else { continue }
                let redacted = scrubber.scrub(output)
                let parentInstruction = scrubbedInstructions[subject.instructionID]
                if redacted.spans.isEmpty && parentInstruction == nil { continue }
                let instructionID = parentInstruction?.id ?? subject.instructionID
                if try database.first(
                    "SELECT 1 FROM completions WHERE parent_id = ? AND origin = 'scrubbed' AND instruction_id = ? AND output = ?",
                    [.integer(completionID), .integer(instructionID), .text(redacted.text)]) != nil { continue }
                let original = try database.first("SELECT * FROM completions WHERE id = ?", [.integer(completionID)])
                var row = CompletionStore.NewCompletion(
                    instructionID: instructionID, output: redacted.text,
                    origin: .scrubbed, runID: runID)
                row.model = original?.optionalString("model")
                row.finishReason = original?.optionalString("finish_reason")
                row.sampleIndex = original?.int("sample_index") ?? 0
                row.parentID = completionID
                let id = try CompletionStore(database).insert(row)
                created.append(Subject(
                    instructionID: row.instructionID, completionID: id,
                    value: .output(redacted.text, instruction: parentInstruction?.instruction ?? subject.value.instruction,
                                   input: parentInstruction?.input ?? subject.value.input,
                                   finishReason: row.finishReason)))
            }
            return created
        }
    }
}
