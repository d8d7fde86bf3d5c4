/// Writes verdicts. Two shapes, both read through the `latest_verdicts` view (the newest verdict per subject
/// and filter; history is kept):
/// - `insert` stores one `verdicts` row: any verdict with its reason and detail (generation, evolution and
///   review verdicts, and a filter run's failures);
/// - a filter run calls `recordRule` once per rule and scope it applies and `recordCheck` once per subject it
///   judges: every rule of that scope without a `verdicts` row for the subject in the run passed. A passing
///   subject then costs one small row per run instead of one row per rule: a `verdict_checks` key (instruction,
///   completion or 0, run) in a WITHOUT ROWID table, about 12 bytes.
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

    /// What a rule judges in `run_rules.scope`: instruction rows, or completion rows.
    public enum Scope: String, Sendable, CaseIterable {
        case instruction, completion
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

    /// Records that run `runID` applies `filter` to every subject of `scope` it checks. Idempotent.
    public func recordRule(_ filter: String, scope: Scope, runID: Int64) throws {
        try database.execute(
            "INSERT OR IGNORE INTO run_rules (run_id, filter, scope) VALUES (?, ?, ?)",
            [.integer(runID), .text(filter), .text(scope.rawValue)])
    }

    /// Records that run `runID` judged a subject (an instruction, or one of its completions) by every rule the
    /// run applies to its scope; the rules it failed are stored with `insert` in the same run.
    public func recordCheck(instructionID: Int64, completionID: Int64?, runID: Int64) throws {
        try database.execute(
            "INSERT INTO verdict_checks (instruction_id, completion_key, run_id) VALUES (?, ?, ?)",
            [.integer(instructionID), .integer(completionID ?? 0), .integer(runID)])
    }

    /// A subject a filter run judged: an instruction (`completionID` nil) or one of its completions.
    public struct CheckedSubject: Sendable {
        public var instructionID: Int64
        public var completionID: Int64?

        public init(instructionID: Int64, completionID: Int64?) {
            self.instructionID = instructionID
            self.completionID = completionID
        }
    }

    /// `recordCheck` for many subjects at once, in multi-row statements (a filter run's chunk).
    public func recordChecks(_ subjects: [CheckedSubject], runID: Int64) throws {
        var values: [SQLValue] = []
        values.reserveCapacity(subjects.count * 3)
        for subject in subjects {
            values.append(.integer(subject.instructionID))
            values.append(.integer(subject.completionID ?? 0))
            values.append(.integer(runID))
        }
        try BatchInsert(database, table: "verdict_checks", columns: ["instruction_id", "completion_key", "run_id"])
            .insert(values)
    }

    /// Takes back the verdicts that run `runID` gave one subject under `filter` (a reviewer's undo), so the
    /// subject's latest verdict is again whatever it was before that run.
    public func retract(instructionID: Int64, completionID: Int64?, filter: String, runID: Int64) throws {
        try database.execute(
            "DELETE FROM verdicts WHERE instruction_id = ? AND completion_id IS ? AND filter = ? AND run_id = ?",
            [.integer(instructionID), SQLValue(completionID), .text(filter), .integer(runID)])
    }
}
