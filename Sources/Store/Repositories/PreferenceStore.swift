/// Writes `preferences`: the chosen and rejected completion a `dsbench preferences` run selected for an
/// instruction, with both ratings, the margin (> 0, CHECKed), the scorer and the rejected-answer policy.
public struct PreferenceStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// A pair to insert.
    public struct NewPreference: Sendable {
        public var instructionID: Int64
        public var chosenID: Int64
        public var rejectedID: Int64
        public var chosenScore: Double
        public var rejectedScore: Double
        public var scorer: String
        /// `worst`, `random-lower` or `second`.
        public var rejectedPolicy: String
        /// The pairwise judgement of exactly these two completions, when the scorer is `pairwise`.
        public var judgementID: Int64?
        public var runID: Int64

        public init(
            instructionID: Int64, chosenID: Int64, rejectedID: Int64, chosenScore: Double, rejectedScore: Double,
            scorer: String, rejectedPolicy: String, judgementID: Int64?, runID: Int64
        ) {
            self.instructionID = instructionID
            self.chosenID = chosenID
            self.rejectedID = rejectedID
            self.chosenScore = chosenScore
            self.rejectedScore = rejectedScore
            self.scorer = scorer
            self.rejectedPolicy = rejectedPolicy
            self.judgementID = judgementID
            self.runID = runID
        }
    }

    public func insert(_ row: NewPreference) throws {
        try database.execute(
            """
            INSERT INTO preferences (instruction_id, chosen_id, rejected_id, chosen_score, rejected_score, margin,
                scorer, rejected_policy, judgement_id, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.integer(row.instructionID), .integer(row.chosenID), .integer(row.rejectedID), .real(row.chosenScore),
             .real(row.rejectedScore), .real(row.chosenScore - row.rejectedScore), .text(row.scorer),
             .text(row.rejectedPolicy), SQLValue(row.judgementID), .integer(row.runID)])
    }
}
