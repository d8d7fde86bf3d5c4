import CSQLite

/// The current row of a statement being stepped by `Database.scan`, read in place: integers and the UTF-8
/// bytes of text columns straight from SQLite, with no `Row`, `SQLValue` or `String` made per column. Valid
/// only inside the `scan` body for the row it was handed (the next step overwrites what it points at).
/// Columns are numbered from 0 in the order of the SELECT.
public struct RowCursor {
    let handle: OpaquePointer

    /// Number of columns in the result.
    public var columnCount: Int { Int(sqlite3_column_count(handle)) }

    /// The name of column `index` (as `AS` gave it).
    public func name(_ index: Int) -> String { String(cString: sqlite3_column_name(handle, Int32(index))) }

    /// True when column `index` is NULL.
    public func isNull(_ index: Int) -> Bool { sqlite3_column_type(handle, Int32(index)) == SQLITE_NULL }

    /// Column `index` as a 64-bit integer (NULL reads as 0, as SQLite converts).
    public func int64(_ index: Int) -> Int64 { sqlite3_column_int64(handle, Int32(index)) }

    /// Column `index` as an optional integer: nil for NULL.
    public func optionalInt64(_ index: Int) -> Int64? { isNull(index) ? nil : int64(index) }

    /// Column `index` as a copied value, the way `Row` holds it.
    public func value(_ index: Int) -> SQLValue { Statement.value(of: handle, at: Int32(index)) }

    /// Hands `body` the UTF-8 bytes of column `index` (numbers as SQLite formats them as text), or returns nil
    /// for NULL without calling it. The bytes live until the next step; copy what must outlive `body`.
    public func withText<Result>(
        _ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result
    ) rethrows -> Result? {
        let column = Int32(index)
        guard sqlite3_column_type(handle, column) != SQLITE_NULL else { return nil }
        // sqlite3_column_text before sqlite3_column_bytes: the byte count is then that of the UTF-8 form.
        let start = sqlite3_column_text(handle, column)
        let count = Int(sqlite3_column_bytes(handle, column))
        return try body(UnsafeBufferPointer(start: start, count: start == nil ? 0 : count))
    }

    /// Column `index` as a String; nil for NULL.
    public func optionalString(_ index: Int) -> String? {
        withText(index) { String(decoding: $0, as: UTF8.self) }
    }
}

/// A cursor belongs to the statement its `scan` is stepping.
@available(*, unavailable)
extension RowCursor: Sendable {}
