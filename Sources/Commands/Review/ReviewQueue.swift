import Store
import Synthesis

/// The examples to review, in a random order reproducible from `--seed`: rows of the `examples` view matching
/// `--where`, by default only those a person has not decided yet, cut to `--sample N`.
struct ReviewQueue {
    /// The condition that leaves out rows with a `human` verdict.
    static let unreviewed = """
        NOT EXISTS (SELECT 1 FROM latest_verdicts h WHERE h.filter = 'human'
            AND h.instruction_id = examples.instruction_id AND h.completion_id IS examples.completion_id)
        """

    var whereClause: String?
    var includeReviewed = false
    var sampleSize: Int?
    var seed: UInt64 = 0

    var sql: String {
        var conditions: [String] = []
        if !includeReviewed { conditions.append(Self.unreviewed) }
        if let whereClause { conditions.append("(\(whereClause))") }
        return "SELECT instruction_id, completion_id FROM examples"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY instruction_id, completion_id"
    }

    /// The subjects to show, shuffled and cut.
    func subjects(in database: Database) throws -> [(instructionID: Int64, completionID: Int64?)] {
        try database.validateWhereQuery(sql)
        var keys: [(Int64, Int64?)] = []
        try database.forEachRow(sql) { keys.append(($0.int64("instruction_id"), $0.optionalInt64("completion_id"))) }
        var generator = SplitMix64(seed: seed)
        generator.shuffle(&keys)
        if let sampleSize, keys.count > sampleSize { keys.removeLast(keys.count - sampleSize) }
        return keys.map { (instructionID: $0.0, completionID: $0.1) }
    }
}
