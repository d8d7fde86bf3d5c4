import CSQLite

/// A connection to one dsbench database file.
///
/// Not Sendable (declared below): one owner (the command's main task) reads and writes; child tasks hand
/// values back.
/// Opens in WAL mode with foreign keys on, a busy timeout so concurrent writers wait instead of failing, and
/// extended result codes so errors say exactly which constraint failed.
public final class Database {
    let handle: OpaquePointer
    public let path: String
    private var statementCache: [String: Statement] = [:]
    /// The statements used last, most recent first: a bulk writer alternating two or three INSERTs finds them
    /// by comparing its SQL literal (the same string storage, so the comparison is one word) instead of
    /// hashing the whole text for the dictionary on every row.
    private var recentStatements: [Statement] = []
    private var transactionDepth = 0

    /// Process-wide SQLite settings, applied once before the first connection opens.
    private static let processConfigured: Bool = dsbench_sqlite3_disable_memstatus() == SQLITE_OK

    /// Opens (creating if needed) the database at `path`. `busyTimeout` is in milliseconds.
    public init(path: String, busyTimeout: Int32 = 60_000) throws(DatabaseError) {
        _ = Self.processConfigured
        var connection: OpaquePointer?
        let flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        let code = sqlite3_open_v2(path, &connection, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let connection else {
            let message = connection.map { String(cString: sqlite3_errmsg($0)) } ?? "cannot open database"
            if let connection { sqlite3_close_v2(connection) }
            throw DatabaseError(code: code, message: "\(message): \(path)")
        }
        self.handle = connection
        self.path = path
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, busyTimeout)
        // WAL lets readers run beside the one writer; a busy timeout covers the WAL switch itself.
        _ = try scalar("PRAGMA journal_mode = WAL")
        try execute("PRAGMA synchronous = NORMAL")
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        recentStatements.removeAll()
        statementCache.removeAll()
        sqlite3_close_v2(handle)
    }

    /// A prepared statement for `sql`, prepared once and reused from the cache afterwards.
    public func cachedStatement(_ sql: String) throws(DatabaseError) -> Statement {
        for statement in recentStatements where statement.sql == sql { return statement }
        let statement: Statement
        if let cached = statementCache[sql] {
            statement = cached
        } else {
            statement = try Statement(connection: handle, sql: sql)
            statementCache[sql] = statement
        }
        if recentStatements.count == 4 { recentStatements.removeLast() }
        recentStatements.insert(statement, at: 0)
        return statement
    }

    /// A fresh statement that is not cached (for one-off, user-supplied SQL).
    public func makeStatement(_ sql: String) throws(DatabaseError) -> Statement {
        try Statement(connection: handle, sql: sql)
    }

    /// Prepares every statement of a script (for user-supplied SQL with several statements).
    public func statements(in script: String) throws -> [Statement] {
        var result: [Statement] = []
        try forEachStatement(in: script) { result.append($0) }
        return result
    }

    /// Prepares the statements of a script one at a time, handing each to `body` before the next is prepared,
    /// so a statement may use a table that an earlier one created (`dsbench sql --write`).
    public func forEachStatement(in script: String, _ body: (Statement) throws -> Void) throws {
        try script.utf8CString.withUnsafeBufferPointer { buffer in
            var cursor: UnsafePointer<CChar>? = buffer.baseAddress
            while let start = cursor, start.pointee != 0 {
                var statement: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(handle, start, -1, &statement, &tail)
                guard code == SQLITE_OK else {
                    throw DatabaseError(code: sqlite3_extended_errcode(handle),
                                        message: String(cString: sqlite3_errmsg(handle)), sql: String(cString: start))
                }
                if let statement {
                    let text = String(cString: sqlite3_sql(statement))
                    try body(Statement(adopting: statement, connection: handle, sql: text))
                }
                cursor = tail
            }
        }
    }

    /// Executes one statement with arguments, discarding any rows.
    public func execute(_ sql: String, _ arguments: [SQLValue] = []) throws(DatabaseError) {
        try cachedStatement(sql).execute(arguments)
    }

    /// Executes a script of several statements without arguments (migrations, schema).
    public func executeScript(_ sql: String) throws(DatabaseError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        if code != SQLITE_OK {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errmsg(handle))
            sqlite3_free(message)
            throw DatabaseError(code: sqlite3_extended_errcode(handle), message: text, sql: sql)
        }
    }

    /// All rows of a query.
    public func query(_ sql: String, _ arguments: [SQLValue] = []) throws -> [Row] {
        var rows: [Row] = []
        try forEachRow(sql, arguments) { rows.append($0) }
        return rows
    }

    /// Streams the rows of a query to `body` without collecting them.
    public func forEachRow(
        _ sql: String, _ arguments: [SQLValue] = [], _ body: (Row) throws -> Void
    ) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { sqlite3_reset(statement.handle) }
        while try statement.step() {
            try body(statement.currentRow())
        }
    }

    /// Streams the rows of a query to `body` as a `RowCursor` that reads the current row in place: for hot
    /// loops over many rows (export, stats), where copying every column into a `Row` would dominate.
    public func scan(
        _ sql: String, _ arguments: [SQLValue] = [], _ body: (RowCursor) throws -> Void
    ) throws {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { sqlite3_reset(statement.handle) }
        let cursor = RowCursor(handle: statement.handle)
        while try statement.step() {
            try body(cursor)
        }
    }

    /// The first column of the first row, or `.null`.
    public func scalar(_ sql: String, _ arguments: [SQLValue] = []) throws(DatabaseError) -> SQLValue {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { sqlite3_reset(statement.handle) }
        return try statement.step() ? statement.value(at: 0) : .null
    }

    /// The first row, if any.
    public func first(_ sql: String, _ arguments: [SQLValue] = []) throws(DatabaseError) -> Row? {
        let statement = try cachedStatement(sql)
        try statement.bind(arguments)
        defer { sqlite3_reset(statement.handle) }
        return try statement.step() ? statement.currentRow() : nil
    }

    /// Rowid of the last successful INSERT on this connection.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// Rows changed by the last INSERT/UPDATE/DELETE.
    public var changes: Int { Int(sqlite3_changes64(handle)) }

    /// Rows changed by every INSERT/UPDATE/DELETE since the connection opened; the difference of two readings
    /// counts a script's writes (`changes` repeats the last write's count after a SELECT).
    public var totalChanges: Int { Int(sqlite3_total_changes64(handle)) }

    /// True while a transaction is open on this connection.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }

    /// Runs `body` in a write transaction (BEGIN IMMEDIATE, so the write lock is taken up front and a second
    /// writer waits for the busy timeout instead of failing mid-way). Nested calls become savepoints.
    /// Any error rolls back everything `body` wrote.
    public func transaction<T>(_ body: () throws -> T) throws -> T {
        let depth = transactionDepth
        if depth == 0 {
            try execute("BEGIN IMMEDIATE")
        } else {
            try executeScript("SAVEPOINT dsbench_\(depth)")
        }
        transactionDepth += 1
        // Restored on every exit: a failing COMMIT (say, a deferred foreign key) must not unbalance the count.
        defer { transactionDepth = depth }
        do {
            let result = try body()
            if depth == 0 { try execute("COMMIT") } else { try executeScript("RELEASE dsbench_\(depth)") }
            return result
        } catch {
            if depth == 0 {
                if isInTransaction { try? execute("ROLLBACK") }
            } else {
                try? executeScript("ROLLBACK TO dsbench_\(depth); RELEASE dsbench_\(depth)")
            }
            throw error
        }
    }

    /// The SQLite library version string, e.g. "3.40.1".
    public static var sqliteVersion: String { String(cString: sqlite3_libversion()) }
}

/// A connection is used by one owner at a time (SQLITE_OPEN_NOMUTEX, a statement cache, a transaction depth):
/// sending it to another task is a compile-time error, not a comment.
@available(*, unavailable)
extension Database: Sendable {}
