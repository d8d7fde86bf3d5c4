/// Writes `scores`: quality scores on 0–10 from a named scorer (heuristic, judge, complexity).
public struct ScoreStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// A score to insert; `completionID` nil scores the instruction alone.
    public struct NewScore: Sendable {
        public var instructionID: Int64
        public var completionID: Int64?
        public var scorer: String
        /// 0–10 (the table CHECKs it).
        public var value: Double
        public var rationale: String?
        /// JSON object with the scorer's parts and measurements.
        public var detail: String?
        public var llmCallID: Int64?
        public var runID: Int64

        public init(instructionID: Int64, completionID: Int64?, scorer: String, value: Double, rationale: String?,
                    detail: String?, llmCallID: Int64? = nil, runID: Int64) {
            self.instructionID = instructionID
            self.completionID = completionID
            self.scorer = scorer
            self.value = value
            self.rationale = rationale
            self.detail = detail
            self.llmCallID = llmCallID
            self.runID = runID
        }
    }

    /// Inserts many scores at once, in multi-row statements (a heuristic run's chunk).
    public func insert(_ rows: [NewScore]) throws {
        var values: [SQLValue] = []
        values.reserveCapacity(rows.count * 8)
        for row in rows {
            values.append(.integer(row.instructionID))
            values.append(SQLValue(row.completionID))
            values.append(.text(row.scorer))
            values.append(.real(row.value))
            values.append(SQLValue(row.rationale))
            values.append(SQLValue(row.detail))
            values.append(SQLValue(row.llmCallID))
            values.append(.integer(row.runID))
        }
        try BatchInsert(database, table: "scores", columns: [
            "instruction_id", "completion_id", "scorer", "value", "rationale", "detail", "llm_call_id", "run_id",
        ]).insert(values)
    }

    public func insert(_ row: NewScore) throws {
        try database.execute(
            """
            INSERT INTO scores (instruction_id, completion_id, scorer, value, rationale, detail, llm_call_id, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.integer(row.instructionID), SQLValue(row.completionID), .text(row.scorer), .real(row.value),
             SQLValue(row.rationale), SQLValue(row.detail), SQLValue(row.llmCallID), .integer(row.runID)])
    }
}
