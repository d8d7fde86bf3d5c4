import Curation
import Store

extension FilterCommand {
    /// One subject with its row ids: an instruction row (completionID nil) or a completion.
    struct Subject {
        var instructionID: Int64
        var completionID: Int64?
        var value: FilterSubject
    }

    /// The subjects a filter run judges: each selected instruction once, and each of its completions.
    struct Subjects {
        var items: [Subject]

        /// Loads subjects; `condition` filters rows of the `examples` view (validated first).
        static func load(_ database: Database, condition: WhereCondition?) throws -> Subjects {
            let sql: String
            if let condition {
                try condition.validate(in: database)
                sql = """
                    SELECT instruction_id, completion_id, instruction, input, output, finish_reason
                    FROM examples WHERE \(condition.sql) ORDER BY instruction_id, completion_id
                    """
            } else {
                sql = """
                    SELECT i.id AS instruction_id, c.id AS completion_id, i.instruction, i.input, c.output, c.finish_reason
                    FROM instructions i LEFT JOIN completions c ON c.instruction_id = i.id
                    ORDER BY i.id, c.id
                    """
            }
            var items: [Subject] = []
            var lastInstruction: Int64 = -1
            try database.forEachRow(sql) { row in
                let instructionID = Int64(row.int("instruction_id"))
                let instruction = row.string("instruction"), input = row.string("input")
                if instructionID != lastInstruction {
                    items.append(Subject(instructionID: instructionID, completionID: nil,
                                         value: .instruction(instruction, input: input)))
                    lastInstruction = instructionID
                }
                if let completionID = row.optionalInt("completion_id") {
                    items.append(Subject(
                        instructionID: instructionID, completionID: Int64(completionID),
                        value: .output(row.string("output"), instruction: instruction, input: input,
                                       finishReason: row.optionalString("finish_reason"))))
                }
            }
            return Subjects(items: items)
        }
    }
}
