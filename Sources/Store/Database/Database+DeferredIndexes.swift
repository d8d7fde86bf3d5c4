extension Database {
    /// Runs `body` (a bulk insert) with the indexes of `tables` dropped when every one of those tables is
    /// empty, then creates them again from their stored `CREATE INDEX` text, so a fresh database builds each
    /// index with one sort instead of a b-tree insert per row. With rows already present it simply runs `body`.
    ///
    /// Runs as a savepoint (a transaction when none is open): if `body` throws, its rows and the dropped
    /// indexes come back together, so nothing is left without its indexes. The recreated indexes are the
    /// same definitions (`sqlite_master.sql` unchanged), listed after the other schema entries.
    public func withIndexesDeferred<T>(on tables: [String], _ body: () throws -> T) throws -> T {
        try transaction {
            var empty = true
            for table in tables where empty {
                empty = try scalar("SELECT EXISTS (SELECT 1 FROM \(quotedIdentifier(table)))").intValue == 0
            }
            guard empty else { return try body() }
            var definitions: [(name: String, sql: String)] = []
            for table in tables {
                // Automatic indexes (UNIQUE, PRIMARY KEY) have no SQL and stay.
                for row in try query(
                    "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY rowid",
                    [.text(table)])
                {
                    definitions.append((row.string("name"), row.string("sql")))
                }
            }
            for index in definitions { try executeScript("DROP INDEX \(quotedIdentifier(index.name))") }
            let result = try body()
            for index in definitions { try executeScript(index.sql) }
            return result
        }
    }

    /// `name` as a double-quoted SQL identifier.
    private func quotedIdentifier(_ name: String) -> String {
        "\"" + String(name.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }
}
