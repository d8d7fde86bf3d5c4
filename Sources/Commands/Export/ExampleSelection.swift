import Store

/// The SQL that picks exported rows from the `examples` view: the default quality gate (has an output, not
/// failed, not a duplicate) unless `--all`, the user's `--where`, `--min-score`, ordered by instruction and sample.
struct ExampleSelection {
    /// The gate applied unless `--all`. A `turn-order` verdict alone does not exclude a row: export's
    /// `--turns` policy decides per target.
    static let defaultCondition = "output IS NOT NULL AND (verdict <> 'fail' OR failed_filters = 'turn-order') AND NOT is_duplicate"

    var all = false
    var condition: WhereCondition?
    var minScore: Double?
    var limit: Int?
    /// The columns to read: nil for every column of the view (a layout that `needsAllColumns`, such as raw
    /// `--format jsonl`), else only those the layouts read (`ExampleExporter.forEachSelected`). Naming them matters for speed: the view computes a column such as `passed_verdicts` only
    /// when it is selected.
    var columns: [String]? = ExampleSelection.recordColumns

    /// What the record layouts read from a row (`ExampleExporter.forEachSelected`, and the id in notes).
    static let recordColumns = ["instruction_id", "instruction", "input", "output", "system", "conversation", "extra"]

    var sql: String {
        var conditions: [String] = []
        if !all { conditions.append(Self.defaultCondition) }
        if let condition { conditions.append(condition.sql) }
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

    /// Checks `--where` first so a bad condition is reported before any file is created.
    func validate(in database: Database) throws {
        try condition?.validate(in: database)
    }
}
