/// Writes and reads `instructions` rows: seeds, imported, generated, evolved and rule-augmented prompts.
public struct InstructionStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// Where an instruction came from (the `origin` column's CHECKed values).
    public enum Origin: String, Sendable, CaseIterable {
        case seed, imported, generated, evolved, rules, scrubbed, document, magpie
    }

    /// A row to insert. Only `instruction`, `origin` and `runID` are required.
    public struct NewInstruction: Sendable {
        public var instruction: String
        public var input: String = ""
        public var system: String?
        /// The whole conversation as JSON, for multi-turn imports.
        public var conversation: String?
        public var origin: Origin
        /// The task row this row is another instance of (self-instruct tasks with several instances).
        public var taskID: Int64?
        public var parentID: Int64?
        public var rootID: Int64?
        public var strategy: String?
        /// Evolution steps from the root: the parent's depth + 1 (0 for rows without a parent).
        public var depth = 0
        /// The evolve round that made the row (nil for rows not made by evolve).
        public var round: Int?
        public var language = "und"
        public var taskType: String?
        public var isClassification: Bool?
        /// "file:line" or a key naming where the row came from.
        public var source: String?
        public var sourceID: Int64?
        /// JSON object of unmapped fields kept for a lossless export.
        public var extra: String?
        public var llmCallID: Int64?
        /// The document passage a grounded question was drawn from (`chunks.id`).
        public var chunkID: Int64?
        public var runID: Int64

        public init(instruction: String, origin: Origin, runID: Int64) {
            self.instruction = instruction
            self.origin = origin
            self.runID = runID
        }
    }

    /// Inserts a row and returns its id.
    @discardableResult
    public func insert(_ row: NewInstruction) throws -> Int64 {
        try database.execute(
            """
            INSERT INTO instructions (instruction, input, system, conversation, origin, task_id, parent_id,
                root_id, strategy, depth, language, task_type, is_classification, source, source_id, extra,
                llm_call_id, run_id, round, chunk_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.text(row.instruction), .text(row.input), SQLValue(row.system), SQLValue(row.conversation),
             .text(row.origin.rawValue), SQLValue(row.taskID), SQLValue(row.parentID), SQLValue(row.rootID),
             SQLValue(row.strategy), .integer(Int64(row.depth)), .text(row.language), SQLValue(row.taskType),
             SQLValue(row.isClassification), SQLValue(row.source), SQLValue(row.sourceID), SQLValue(row.extra),
             SQLValue(row.llmCallID), .integer(row.runID), SQLValue(row.round.map(Int64.init)), SQLValue(row.chunkID)])
        return database.lastInsertRowID
    }

    /// One instruction row by id.
    public func row(id: Int64) throws -> Row? {
        try database.first("SELECT * FROM instructions WHERE id = ?", [.integer(id)])
    }

    /// The scrubbed copy of `parentID` with exactly this text, if an earlier run made it.
    public func scrubbedCopy(of parentID: Int64, instruction: String, input: String) throws -> Int64? {
        try database.first(
            "SELECT id FROM instructions WHERE parent_id = ? AND origin = 'scrubbed' AND instruction = ? AND input = ?",
            [.integer(parentID), .text(instruction), .text(input)]
        )?.int64("id")
    }

    /// Records whether a Self-Instruct task is a classification task, on the task row and its instance rows.
    public func setClassification(taskID: Int64, _ isClassification: Bool) throws {
        try database.execute(
            "UPDATE instructions SET is_classification = ? WHERE id = ? OR task_id = ?",
            [.integer(isClassification ? 1 : 0), .integer(taskID), .integer(taskID)])
    }

    /// Sets the `input` of one row (the first Self-Instruct instance fills its task row).
    public func setInput(id: Int64, _ input: String) throws {
        try database.execute("UPDATE instructions SET input = ? WHERE id = ?", [.text(input), .integer(id)])
    }
}
