import Store

/// The examples to review: rows of the `examples` view matching `--where`, by default only those a person
/// has not decided yet, drawn in a random order reproducible from `--seed` and cut to `--sample N`.
struct ReviewQueue {
    /// The condition that leaves out rows with a `human` verdict (always a stored row, so the per-row lookup
    /// goes to `latest_recorded_verdicts`, which SQLite answers from an index).
    static let unreviewed = """
        NOT EXISTS (SELECT 1 FROM latest_recorded_verdicts h WHERE h.filter = 'human'
            AND h.instruction_id = examples.instruction_id AND h.completion_id IS examples.completion_id)
        """

    var condition: WhereCondition?
    var includeReviewed = false
    var sampleSize: Int?
    var seed: UInt64 = 0

    /// The subjects to show, in review order.
    func subjects(in database: Database) throws -> [ExampleDraw.Key] {
        try condition?.validate(in: database)
        var draw = ExampleDraw(size: sampleSize, seed: seed)
        if !includeReviewed { draw.conditions.append(Self.unreviewed) }
        if let condition { draw.conditions.append(condition.sql) }
        return try draw.keys(in: database)
    }
}
