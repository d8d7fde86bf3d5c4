/// Writes `duplicates`: a dropped instruction, the survivor it duplicates, method and similarity. The
/// `active_duplicates` view keeps only rows of the latest succeeded `dedup` run per method.
public struct DuplicateStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// Methods the table accepts.
    public enum Method: String, Sendable, CaseIterable {
        case exact, minhash, rouge
    }

    /// A duplicate to insert.
    public struct NewDuplicate: Sendable {
        public var instructionID: Int64
        public var duplicateOf: Int64
        public var method: Method
        /// "instruction" or "all".
        public var field: String
        public var similarity: Double
        public var threshold: Double?
        public var runID: Int64

        public init(instructionID: Int64, duplicateOf: Int64, method: Method, field: String, similarity: Double,
                    threshold: Double?, runID: Int64) {
            self.instructionID = instructionID
            self.duplicateOf = duplicateOf
            self.method = method
            self.field = field
            self.similarity = similarity
            self.threshold = threshold
            self.runID = runID
        }
    }

    public func insert(_ row: NewDuplicate) throws {
        try database.execute(
            """
            INSERT INTO duplicates (instruction_id, duplicate_of, method, field, similarity, threshold, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [.integer(row.instructionID), .integer(row.duplicateOf), .text(row.method.rawValue), .text(row.field),
             .real(row.similarity), SQLValue(row.threshold), .integer(row.runID)])
    }
}
