import Store

/// The SQL that picks exported rows from the `examples` view: the default quality gate (has an output, not
/// failed, not a duplicate) unless `--all`, the user's `--where`, `--min-score`, ordered by instruction and sample.
struct ExampleSelection {
    /// The gate applied unless `--all`.
    static let defaultCondition = "output IS NOT NULL AND verdict <> 'fail' AND NOT is_duplicate"

    var all = false
    var whereClause: String?
    var minScore: Double?
    var limit: Int?
    /// The columns to read: nil for every column of the view (raw `--format jsonl`), else only those a record
    /// layout uses. Naming them matters for speed: the view computes a column such as `passed_verdicts` only
    /// when it is selected.
    var columns: [String]? = ExampleSelection.recordColumns

    /// What the Alpaca, ShareGPT and OpenAI layouts read from a row (`ExampleExporter.record(for:)`).
    static let recordColumns = ["instruction", "input", "output", "system", "conversation", "extra"]

    var sql: String {
        var conditions: [String] = []
        if !all { conditions.append(Self.defaultCondition) }
        if let whereClause { conditions.append("(\(whereClause))") }
        if minScore != nil { conditions.append("best_score >= ?") }
        var text = "SELECT \(columns?.joined(separator: ", ") ?? "*") FROM examples"
        if !conditions.isEmpty { text += " WHERE " + conditions.joined(separator: " AND ") }
        text += " ORDER BY instruction_id, sample_index"
        if let limit { text += " LIMIT \(limit)" }
        return text
    }

    var arguments: [SQLValue] {
        minScore.map { [.real($0)] } ?? []
    }

    /// Prepares the query first so a bad `--where` is reported before any file is created, and refuses
    /// anything that would write.
    func validate(in database: Database) throws {
        try database.validateWhereQuery(sql)
    }
}
