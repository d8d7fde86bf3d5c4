/// Inserts many rows into one table with multi-row `INSERT … VALUES (…), (…)` statements of `batch` rows each,
/// prepared once and cached, so SQLite's per-statement work (reset, bind, VDBE start) is paid once per batch
/// instead of once per row. The rows left over after the last full batch go through a single-row statement.
/// Used by the repositories that write a row per subject (filter checks, heuristic scores).
public struct BatchInsert {
    public let database: Database
    /// Values per row.
    public let width: Int
    /// Rows per full statement.
    public let batch: Int
    private let batchSQL: String
    private let rowSQL: String

    /// `columns` are the table's columns in the order of the values given to `insert`. SQLite allows 32,766
    /// parameters per statement; `batch × columns.count` stays far below.
    public init(_ database: Database, table: String, columns: [String], batch: Int = 64) {
        self.database = database
        width = columns.count
        self.batch = batch
        let head = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        let row = "(" + Array(repeating: "?", count: columns.count).joined(separator: ", ") + ")"
        batchSQL = head + Array(repeating: row, count: batch).joined(separator: ", ")
        rowSQL = head + row
    }

    /// Inserts the rows whose values lie one after another in `values` (`width` values per row, in column order).
    public func insert(_ values: [SQLValue]) throws(DatabaseError) {
        precondition(values.count % width == 0, "BatchInsert: \(values.count) values for rows of \(width)")
        let step = batch * width
        var start = 0
        while values.count - start >= step {
            try database.execute(batchSQL, Array(values[start..<(start + step)]))
            start += step
        }
        while start < values.count {
            try database.execute(rowSQL, Array(values[start..<(start + width)]))
            start += width
        }
    }
}
