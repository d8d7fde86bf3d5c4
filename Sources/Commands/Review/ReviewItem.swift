import Store

/// One example as the reviewer sees it: texts, the earlier turns of a conversation, the failed rules and the
/// scores, read from the `examples` view, `latest_verdicts` and `scores`.
struct ReviewItem {
    let instructionID: Int64
    /// Nil for an instruction without an answer (a decision then judges the instruction).
    let completionID: Int64?
    let sampleIndex: Int
    let origin: String
    let language: String
    let instruction: String
    let input: String
    let output: String?
    let system: String?
    /// Turns before the final answer of a multi-turn example, as (role, text).
    let turns: [(role: String, text: String)]
    /// Failing latest verdicts: (filter, reason).
    let failures: [(filter: String, reason: String)]
    /// Rules that passed it (latest verdicts), to tell "no failures" from "not checked".
    let passedRules: Int
    /// (scorer, value).
    let scores: [(scorer: String, value: Double)]
    /// The person's current decision on this subject, if any (accepted / rejected with reason).
    let humanVerdict: (passed: Bool, reason: String?)?

    /// Loads the subject, or nil when it is gone from the `examples` view (an edit replaced it meanwhile).
    static func load(_ database: Database, instructionID: Int64, completionID: Int64?) throws -> ReviewItem? {
        guard let row = try database.first(
            """
            SELECT instruction, input, output, system, conversation, origin, language, sample_index FROM examples
            WHERE instruction_id = ? AND completion_id IS ?
            """, [.integer(instructionID), SQLValue(completionID)])
        else { return nil }
        var failures: [(String, String)] = []
        var human: (Bool, String?)? = nil
        var passedRules = 0
        try database.forEachRow(
            """
            SELECT filter, passed, reason FROM latest_verdicts
            WHERE instruction_id = ? AND (completion_id IS NULL OR completion_id IS ?) ORDER BY filter
            """, [.integer(instructionID), SQLValue(completionID)]
        ) { verdict in
            if verdict.string("filter") == ReviewDecisions.filter {
                human = (verdict.bool("passed"), verdict.optionalString("reason"))
            } else if !verdict.bool("passed") {
                failures.append((verdict.string("filter"), verdict.optionalString("reason") ?? ""))
            } else {
                passedRules += 1
            }
        }
        let scores = try database.query(
            """
            SELECT scorer, max(value) AS value FROM scores
            WHERE instruction_id = ? AND (completion_id IS NULL OR completion_id IS ?) GROUP BY scorer ORDER BY scorer
            """, [.integer(instructionID), SQLValue(completionID)]
        ).map { ($0.string("scorer"), $0.double("value")) }
        let turns = row.optionalString("conversation").flatMap(ConversationTurns.beforeFinalAnswer)?
            .map { ($0.role, $0.text) } ?? []
        return ReviewItem(
            instructionID: instructionID, completionID: completionID, sampleIndex: row.int("sample_index"),
            origin: row.string("origin"), language: row.string("language"), instruction: row.string("instruction"),
            input: row.string("input"), output: row.optionalString("output"), system: row.optionalString("system"),
            turns: turns.count > 1 ? turns : [], failures: failures, passedRules: passedRules, scores: scores,
            humanVerdict: human)
    }
}
