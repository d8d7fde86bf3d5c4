/// Why a database could not be brought to this binary's schema.
public enum MigrationError: Error, CustomStringConvertible, Equatable {
    /// the database was written by a newer dsbench
    case databaseNewerThanBinary(path: String, databaseVersion: Int, binaryVersion: Int)
    /// the database records a migration this binary does not know
    case unknownMigration(path: String, name: String)
    /// a migration left rows that break a foreign key
    case foreignKeyViolation(migration: String, table: String, rowid: Int64)

    public var description: String {
        switch self {
        case let .databaseNewerThanBinary(path, databaseVersion, binaryVersion):
            return "\(path) has schema version \(databaseVersion), newer than this dsbench supports "
                + "(\(binaryVersion)); upgrade dsbench to open it"
        case let .unknownMigration(path, name):
            return "\(path) has migration '\(name)' that this dsbench does not know; upgrade dsbench to open it"
        case let .foreignKeyViolation(migration, table, rowid):
            return "migration \(migration) left a foreign-key violation in \(table) (rowid \(rowid)); rolled back"
        }
    }
}
