/// Writes `verdicts`: one row per (subject, filter) per run. History is kept; the `latest_verdicts` view
/// picks the newest per subject and filter.
public struct VerdictStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// A verdict to insert. `completionID` nil means the verdict is on the instruction itself.
    public struct NewVerdict: Sendable {
        public var instructionID: Int64
        public var completionID: Int64?
        public var filter: String
        public var passed: Bool
        public var reason: String?
        /// JSON object with the rule's measurements.
        public var detail: String?
        public var runID: Int64

        public init(instructionID: Int64, completionID: Int64?, filter: String, passed: Bool, reason: String?,
                    detail: String?, runID: Int64) {
            self.instructionID = instructionID
            self.completionID = completionID
            self.filter = filter
            self.passed = passed
            self.reason = reason
            self.detail = detail
            self.runID = runID
        }
    }

    public func insert(_ row: NewVerdict) throws {
        try database.execute(
            """
            INSERT INTO verdicts (instruction_id, completion_id, filter, passed, reason, detail, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [.integer(row.instructionID), SQLValue(row.completionID), .text(row.filter),
             .integer(row.passed ? 1 : 0), SQLValue(row.reason), SQLValue(row.detail), .integer(row.runID)])
    }

    /// Takes back the verdicts that run `runID` gave one subject under `filter` (a reviewer's undo), so the
    /// subject's latest verdict is again whatever it was before that run.
    public func retract(instructionID: Int64, completionID: Int64?, filter: String, runID: Int64) throws {
        try database.execute(
            "DELETE FROM verdicts WHERE instruction_id = ? AND completion_id IS ? AND filter = ? AND run_id = ?",
            [.integer(instructionID), SQLValue(completionID), .text(filter), .integer(runID)])
    }
}
