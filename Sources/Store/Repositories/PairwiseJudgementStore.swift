/// Writes and reads `pairwise_judgements`: a judge's verdict on two completions of one instruction, shown in
/// the recorded order (`first` as answer A).
public struct PairwiseJudgementStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// A judgement to insert. `winner` is `first`, `second` or `tie` (the table CHECKs it and that
    /// `preferred_id` is set exactly when there is a winner).
    public struct NewJudgement: Sendable {
        public var instructionID: Int64
        public var firstID: Int64
        public var secondID: Int64
        public var winner: String
        public var swapCheck: Bool
        public var rationale: String?
        /// The judge model.
        public var judge: String
        /// The prompt template, `name@version`.
        public var template: String
        public var llmCallID: Int64?
        public var runID: Int64

        public init(
            instructionID: Int64, firstID: Int64, secondID: Int64, winner: String, swapCheck: Bool, rationale: String?,
            judge: String, template: String, llmCallID: Int64?, runID: Int64
        ) {
            self.instructionID = instructionID
            self.firstID = firstID
            self.secondID = secondID
            self.winner = winner
            self.swapCheck = swapCheck
            self.rationale = rationale
            self.judge = judge
            self.template = template
            self.llmCallID = llmCallID
            self.runID = runID
        }
    }

    @discardableResult
    public func insert(_ row: NewJudgement) throws -> Int64 {
        let preferred: SQLValue = row.winner == "first" ? .integer(row.firstID) : row.winner == "second" ? .integer(row.secondID) : .null
        try database.execute(
            """
            INSERT INTO pairwise_judgements (instruction_id, first_id, second_id, winner, preferred_id, swap_check,
                rationale, judge, template, llm_call_id, run_id)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """,
            [.integer(row.instructionID), .integer(row.firstID), .integer(row.secondID), .text(row.winner), preferred,
             .integer(row.swapCheck ? 1 : 0), SQLValue(row.rationale), .text(row.judge), .text(row.template),
             SQLValue(row.llmCallID), .integer(row.runID)])
        return database.lastInsertRowID
    }

    /// The pairs already judged by `judge` with `template`, for resuming: unordered (a pair judged in one order
    /// counts as judged whatever order a later run would draw), apart for first asks and swap checks.
    public func answeredPairs(judge: String, template: String) throws -> Set<AnsweredPair> {
        var result: Set<AnsweredPair> = []
        try database.forEachRow(
            "SELECT first_id, second_id, swap_check FROM pairwise_judgements WHERE judge = ? AND template = ?",
            [.text(judge), .text(template)]
        ) { row in
            result.insert(AnsweredPair(row.int64("first_id"), row.int64("second_id"), swapCheck: row.bool("swap_check")))
        }
        return result
    }

    /// An unordered pair of completions already judged, and whether as a swap check.
    public struct AnsweredPair: Hashable, Sendable {
        public let low: Int64
        public let high: Int64
        public let swapCheck: Bool
        public init(_ a: Int64, _ b: Int64, swapCheck: Bool) {
            low = min(a, b)
            high = max(a, b)
            self.swapCheck = swapCheck
        }
    }
}
