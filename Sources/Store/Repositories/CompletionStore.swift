/// Writes and reads `completions`: the outputs (answers, instances) of instruction rows.
public struct CompletionStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// Where a completion came from (the `origin` column's CHECKed values).
    public enum Origin: String, Sendable, CaseIterable {
        case imported, seed, model, scrubbed, edited
    }

    /// A row to insert.
    public struct NewCompletion: Sendable {
        public var instructionID: Int64
        public var output: String
        public var origin: Origin
        public var model: String?
        public var finishReason: String?
        public var sampleIndex = 0
        /// The completion this one was derived from (a scrubbed copy points at its original).
        public var parentID: Int64?
        public var llmCallID: Int64?
        public var runID: Int64

        public init(instructionID: Int64, output: String, origin: Origin, runID: Int64) {
            self.instructionID = instructionID
            self.output = output
            self.origin = origin
            self.runID = runID
        }
    }

    @discardableResult
    public func insert(_ row: NewCompletion) throws -> Int64 {
        try database.execute(
            """
            INSERT INTO completions (instruction_id, output, origin, model, finish_reason, sample_index,
                parent_id, llm_call_id, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.integer(row.instructionID), .text(row.output), .text(row.origin.rawValue), SQLValue(row.model),
             SQLValue(row.finishReason), .integer(Int64(row.sampleIndex)), SQLValue(row.parentID),
             SQLValue(row.llmCallID), .integer(row.runID)])
        return database.lastInsertRowID
    }

    /// Removes a completion that run `runID` wrote (a reviewer's undone edit); nothing else may refer to it.
    public func delete(id: Int64, runID: Int64) throws {
        try database.execute("DELETE FROM completions WHERE id = ? AND run_id = ?", [.integer(id), .integer(runID)])
    }

    /// One completion row by id.
    public func row(id: Int64) throws -> Row? {
        try database.first("SELECT * FROM completions WHERE id = ?", [.integer(id)])
    }

    /// Whether an earlier run already wrote this scrubbed copy of completion `parentID`.
    public func hasScrubbedCopy(of parentID: Int64, instructionID: Int64, output: String) throws -> Bool {
        try database.first(
            "SELECT 1 FROM completions WHERE parent_id = ? AND origin = 'scrubbed' AND instruction_id = ? AND output = ?",
            [.integer(parentID), .integer(instructionID), .text(output)]) != nil
    }
}
