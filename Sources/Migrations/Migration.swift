/// A named, ordered change to the schema. Its SQL runs in one transaction together with its bookkeeping row.
public struct Migration: Sendable {
    public let name: String
    public let sql: String
    /// True for a migration that rebuilds tables (SQLite cannot alter a CHECK constraint in place): the
    /// Migrator turns foreign-key enforcement off and legacy ALTER TABLE on around its transaction, as SQLite's
    /// "making other kinds of table schema changes" procedure asks, and still runs `PRAGMA foreign_key_check`
    /// before committing. The SQL must recreate the rebuilt tables' indexes itself.
    public let rebuildsTables: Bool

    public init(name: String, sql: String, rebuildsTables: Bool = false) {
        self.name = name
        self.sql = sql
        self.rebuildsTables = rebuildsTables
    }

    /// Every migration this binary knows, in order. The database's version is the number applied.
    public static let all: [Migration] = [
        coreSchema, enumExtensions, evolutionRound, reviewEdits, preferences, documents, batches, verdictStorage,
        verdictCompaction, dedupChunks,
    ]
}
