import Store

/// A user's `--where`: one SQL condition on the `examples` view (see README, "Schema"), parsed in a command's
/// `init` and checked with `validate` before any work starts. Every command that selects rows takes it the same
/// way, so the same mistake gives the same message and exit code (64) everywhere.
///
/// The condition is pasted into the command's query in parentheses, so it must be one expression: SQLite
/// itself decides (a `;` inside a string literal such as `instruction like '%;%'` is fine; a second statement
/// is refused), and the query must only read.
struct WhereCondition: Hashable, Sendable, Encodable, CustomStringConvertible {
    /// The condition as the user wrote it, trimmed.
    let text: String

    /// nil when the option is absent or blank.
    init?(_ text: String?) {
        guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
        self.text = trimmed
    }

    /// The condition in parentheses, ready to be ANDed into a query.
    var sql: String { "(\(text))" }

    var description: String { text }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    /// Refuses (`UsageError`, exit 64) a condition SQLite cannot compile against `view` (the `examples` view
    /// unless a command selects from another, e.g. `document_chunks`), one that carries a second statement, or
    /// one that writes.
    func validate(in database: Database, view: String = "examples") throws {
        let probe = "SELECT 1 FROM \(view) WHERE \(sql)"
        let statements: [Statement]
        do {
            statements = try database.statements(in: probe)
        } catch let error as DatabaseError {
            throw UsageError("--where is not a valid condition on the \(view) view: \(error.message)")
        }
        guard statements.count == 1 else {
            throw UsageError("--where is not a valid condition on the \(view) view: it holds more than one SQL statement")
        }
        guard statements[0].isReadOnly else {
            throw UsageError("--where is not a valid condition on the \(view) view: it must only read")
        }
    }
}
