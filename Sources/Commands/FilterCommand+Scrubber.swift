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
                let instructions = InstructionStore(database)
                if let existing = try instructions.scrubbedCopy(
                    of: subject.instructionID, instruction: instruction.text, input: input.text) {
                    scrubbedInstructions[subject.instructionID] = (existing, instruction.text, input.text)
                    continue
                }
                guard let original = try instructions.row(id: subject.instructionID) else { continue }
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
                let id = try instructions.insert(row)
                scrubbedInstructions[subject.instructionID] = (id, instruction.text, input.text)
                created.append(Subject(instructionID: id, completionID: nil, value: .instruction(instruction.text, input: input.text)))
            }
            for subject in subjects {
                guard let completionID = subject.completionID, let output = subject.value.output else { continue }
                let redacted = scrubber.scrub(output)
                let parentInstruction = scrubbedInstructions[subject.instructionID]
                if redacted.spans.isEmpty && parentInstruction == nil { continue }
                let instructionID = parentInstruction?.id ?? subject.instructionID
                let completions = CompletionStore(database)
                if try completions.hasScrubbedCopy(of: completionID, instructionID: instructionID, output: redacted.text) { continue }
                let original = try completions.row(id: completionID)
                var row = CompletionStore.NewCompletion(
                    instructionID: instructionID, output: redacted.text,
                    origin: .scrubbed, runID: runID)
                row.model = original?.optionalString("model")
                row.finishReason = original?.optionalString("finish_reason")
                row.sampleIndex = original?.int("sample_index") ?? 0
                row.parentID = completionID
                let id = try completions.insert(row)
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
