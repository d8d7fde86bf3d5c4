import Curation
import Store

extension FilterCommand {
    /// One subject with its row ids: an instruction row (completionID nil) or a completion.
    struct Subject: Sendable {
        var instructionID: Int64
        var completionID: Int64?
        var value: FilterSubject

        /// The subject's row ids without its texts: what the writer and the summary need.
        struct Key: Sendable {
            var instructionID: Int64
            var completionID: Int64?
        }

        var key: Key { Key(instructionID: instructionID, completionID: completionID) }
    }

    /// The subjects a filter run judges: each selected instruction once, and each of its completions.
    struct Subjects {
        /// `condition` filters rows of the `examples` view.
        let condition: WhereCondition?

        /// The query for one range of instruction ids (two parameters: first and last id).
        var sql: String {
            if let condition {
                return """
                    SELECT instruction_id, completion_id, instruction, input, output, finish_reason
                    FROM examples WHERE instruction_id BETWEEN ? AND ? AND \(condition.sql)
                    ORDER BY instruction_id, completion_id
                    """
            }
            return """
                SELECT i.id AS instruction_id, c.id AS completion_id, i.instruction, i.input, c.output, c.finish_reason
                FROM instructions i LEFT JOIN completions c ON c.instruction_id = i.id
                WHERE i.id BETWEEN ? AND ?
                ORDER BY i.id, c.id
                """
        }

        /// Checks `--where` before any work (exit 64 for a bad condition).
        func validate(in database: Database) throws {
            try condition?.validate(in: database)
        }

        /// The subjects whose instruction id lies in `range`.
        func load(_ database: Database, range: ClosedRange<Int64>) throws -> [Subject] {
            var items: [Subject] = []
            var lastInstruction: Int64 = -1
            try database.forEachRow(sql, [.integer(range.lowerBound), .integer(range.upperBound)]) { row in
                let instructionID = row.int64("instruction_id")
                let instruction = row.string("instruction"), input = row.string("input")
                if instructionID != lastInstruction {
                    items.append(Subject(instructionID: instructionID, completionID: nil,
                                         value: .instruction(instruction, input: input)))
                    lastInstruction = instructionID
                }
                if let completionID = row.optionalInt64("completion_id") {
                    items.append(Subject(
                        instructionID: instructionID, completionID: completionID,
                        value: .output(row.string("output"), instruction: instruction, input: input,
                                       finishReason: row.optionalString("finish_reason"))))
                }
            }
            return items
        }
    }
}
