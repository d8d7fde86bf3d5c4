import Store

extension Database {
    /// Prepares a query built around a user's `--where` and refuses it unless it only reads, so a bad
    /// condition is reported (`--where: <SQLite's message>`) before any work starts.
    func validateWhereQuery(_ sql: String) throws {
        let statement: Statement
        do { statement = try makeStatement(sql) } catch { throw CommandError.failed("--where: \(error)") }
        guard statement.isReadOnly else { throw CommandError.failed("--where must only read") }
    }
}
