import CSQLite

/// SQLite copies bound text and blobs when given this destructor (the C macro is not imported into Swift).
let SQLITE_TRANSIENT = unsafeBitCast(OpaquePointer(bitPattern: -1), to: sqlite3_destructor_type.self)

/// A prepared statement. Owned by its `Database` and, like it, not Sendable: one owner uses it.
public final class Statement {
    let handle: OpaquePointer
    let connection: OpaquePointer
    public let sql: String
    public private(set) lazy var columnNames: [String] = {
        (0..<sqlite3_column_count(handle)).map { String(cString: sqlite3_column_name(handle, $0)) }
    }()

    init(connection: OpaquePointer, sql: String) throws(DatabaseError) {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw DatabaseError(code: sqlite3_extended_errcode(connection),
                                message: String(cString: sqlite3_errmsg(connection)), sql: sql)
        }
        self.handle = statement
        self.connection = connection
        self.sql = sql
    }

    /// Wraps a statement prepared elsewhere in this module; the wrapper finalizes it.
    init(adopting handle: OpaquePointer, connection: OpaquePointer, sql: String) {
        self.handle = handle
        self.connection = connection
        self.sql = sql
    }

    deinit { sqlite3_finalize(handle) }

    /// True when the statement cannot change the database (used by `dsbench sql` without `--write`).
    public var isReadOnly: Bool { sqlite3_stmt_readonly(handle) != 0 }

    /// Resets the statement and binds `arguments` to its parameters, in order.
    public func bind(_ arguments: [SQLValue]) throws(DatabaseError) {
        sqlite3_reset(handle)
        // Every parameter is bound below (the count is checked), so clearing old bindings first is not needed.
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw DatabaseError(code: SQLITE_RANGE,
                                message: "expected \(expected) arguments, got \(arguments.count)", sql: sql)
        }
        for (offset, value) in arguments.enumerated() {
            let index = Int32(offset + 1)
            let code: Int32
            switch value {
            case .null: code = sqlite3_bind_null(handle, index)
            case .integer(let v): code = sqlite3_bind_int64(handle, index, v)
            case .real(let v): code = sqlite3_bind_double(handle, index, v)
            case .text(let v):
                // Native strings are contiguous UTF-8: bind the bytes directly instead of making a C string.
                code = v.utf8.withContiguousStorageIfAvailable { bytes in
                    guard let base = bytes.baseAddress, !bytes.isEmpty else {
                        return sqlite3_bind_text(handle, index, "", 0, SQLITE_TRANSIENT)
                    }
                    return sqlite3_bind_text(handle, index, UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self),
                                             Int32(bytes.count), SQLITE_TRANSIENT)
                } ?? sqlite3_bind_text(handle, index, v, -1, SQLITE_TRANSIENT)
            case .blob(let v):
                code = v.withUnsafeBytes { sqlite3_bind_blob(handle, index, $0.baseAddress, Int32($0.count), SQLITE_TRANSIENT) }
            }
            if code != SQLITE_OK { throw error(code) }
        }
    }

    /// Advances one row; true when a row is available.
    public func step() throws(DatabaseError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            sqlite3_reset(handle)
            throw error(code)
        }
    }

    /// Runs the statement to completion with the given arguments (INSERT/UPDATE/DELETE).
    public func execute(_ arguments: [SQLValue] = []) throws(DatabaseError) {
        try bind(arguments)
        while try step() {}
        sqlite3_reset(handle)
    }

    /// The current row's value at `index`.
    public func value(at index: Int32) -> SQLValue { Self.value(of: handle, at: index) }

    /// The value at `index` of the current row of the statement `handle`.
    static func value(of handle: OpaquePointer, at index: Int32) -> SQLValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: return .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: return .real(sqlite3_column_double(handle, index))
        case SQLITE_TEXT:
            guard let text = sqlite3_column_text(handle, index) else { return .text("") }
            let count = Int(sqlite3_column_bytes(handle, index))
            return .text(String(decoding: UnsafeBufferPointer(start: text, count: count), as: UTF8.self))
        case SQLITE_BLOB:
            let count = Int(sqlite3_column_bytes(handle, index))
            guard count > 0, let bytes = sqlite3_column_blob(handle, index) else { return .blob([]) }
            return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
        default: return .null
        }
    }

    /// The current row, copied out of the statement.
    public func currentRow() -> Row {
        let names = columnNames
        return Row(columns: names, values: (0..<Int32(names.count)).map { value(at: $0) })
    }

    func error(_ code: Int32) -> DatabaseError {
        DatabaseError(code: sqlite3_extended_errcode(connection),
                      message: String(cString: sqlite3_errmsg(connection)), sql: sql)
    }
}

/// A prepared statement belongs to its connection's owner (see `Database`).
@available(*, unavailable)
extension Statement: Sendable {}
