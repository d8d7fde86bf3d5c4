import CSQLite

/// A failed SQLite call: the extended result code, SQLite's own message, and the SQL that failed.
///
/// Keeping all three makes errors actionable ("UNIQUE constraint failed: sources.content_hash in INSERT ...").
public struct DatabaseError: Error, CustomStringConvertible, Sendable {
    /// Extended result code (e.g. 2067 = SQLITE_CONSTRAINT_UNIQUE).
    public let code: Int32
    /// SQLite's message from `sqlite3_errmsg`, or our own for errors raised before SQLite was called.
    public let message: String
    /// The statement that failed, when there was one.
    public let sql: String?

    public init(code: Int32, message: String, sql: String? = nil) {
        self.code = code
        self.message = message
        self.sql = sql
    }

    /// The primary result code (the low byte of the extended code).
    public var primaryCode: Int32 { code & 0xFF }

    /// True when the database was locked or busy past the busy timeout.
    public var isBusy: Bool { primaryCode == SQLITE_BUSY || primaryCode == SQLITE_LOCKED }

    /// True for constraint violations (UNIQUE, CHECK, FOREIGN KEY, NOT NULL).
    public var isConstraintViolation: Bool { primaryCode == SQLITE_CONSTRAINT }

    public var description: String {
        var text = "SQLite error \(code): \(message)"
        if let sql { text += " — while executing: \(sql)" }
        return text
    }
}
