import Store

/// Brings a database up to the schema this binary expects, or refuses a database from a newer binary.
///
/// Each migration runs with its `schema_migrations` row in one transaction, and a foreign-key check runs before
/// the commit, so a database is never left between two versions. `PRAGMA user_version` mirrors the count.
public struct Migrator {
    public let migrations: [Migration]

    public init(migrations: [Migration] = Migration.all) {
        self.migrations = migrations
    }

    /// The bookkeeping table; created before any migration and part of schema.sql.
    static let bookkeepingSQL = """
        CREATE TABLE IF NOT EXISTS schema_migrations (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
        ) STRICT;
        """

    /// The version (number of applied migrations) recorded in the database.
    public func version(of database: Database) throws -> Int {
        Int(try database.scalar("PRAGMA user_version").intValue ?? 0)
    }

    /// Names of migrations not yet applied, in order.
    public func pending(in database: Database) throws -> [String] {
        try check(database)
        let applied = try appliedNames(database)
        return migrations.map(\.name).filter { !applied.contains($0) }
    }

    /// Applies every pending migration; returns the names applied (empty when up to date).
    @discardableResult
    public func migrate(_ database: Database) throws -> [String] {
        try check(database)
        var applied: [String] = []
        for (index, migration) in migrations.enumerated() {
            if migration.rebuildsTables {
                // Outside any transaction: SQLite ignores PRAGMA foreign_keys inside one.
                try database.executeScript("PRAGMA foreign_keys = OFF; PRAGMA legacy_alter_table = ON")
            }
            defer {
                if migration.rebuildsTables {
                    try? database.executeScript("PRAGMA legacy_alter_table = OFF; PRAGMA foreign_keys = ON")
                }
            }
            // Re-read inside the write transaction: another process may have migrated meanwhile.
            let done: Bool = try database.transaction {
                try database.executeScript(Self.bookkeepingSQL)
                if try appliedNames(database).contains(migration.name) { return true }
                try database.executeScript(migration.sql)
                try database.execute("INSERT INTO schema_migrations (name) VALUES (?)", [.text(migration.name)])
                let violations = try database.query("PRAGMA foreign_key_check")
                if let first = violations.first {
                    throw MigrationError.foreignKeyViolation(
                        migration: migration.name, table: first.string("table"), rowid: first.int64("rowid"))
                }
                try database.executeScript("PRAGMA user_version = \(index + 1)")
                return false
            }
            if !done { applied.append(migration.name) }
        }
        return applied
    }

    /// Refuses databases written by a newer dsbench (more migrations, or ones this binary does not know).
    func check(_ database: Database) throws {
        let version = try version(of: database)
        if version > migrations.count {
            throw MigrationError.databaseNewerThanBinary(
                path: database.path, databaseVersion: version, binaryVersion: migrations.count)
        }
        let known = Set(migrations.map(\.name))
        if let unknown = try appliedNames(database).first(where: { !known.contains($0) }) {
            throw MigrationError.unknownMigration(path: database.path, name: unknown)
        }
    }

    func appliedNames(_ database: Database) throws -> Set<String> {
        let exists = try database.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'schema_migrations'")
        guard (exists.intValue ?? 0) > 0 else { return [] }
        return Set(try database.query("SELECT name FROM schema_migrations").map { $0.string("name") })
    }
}
