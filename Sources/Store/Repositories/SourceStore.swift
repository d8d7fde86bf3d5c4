/// Imported files (by content hash) and the records rejected from them.
public struct SourceStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// The id of an earlier import of identical content with the same format and role, if any.
    public func existing(contentHash: String, format: String, role: String) throws -> Int64? {
        try database.scalar(
            "SELECT id FROM sources WHERE content_hash = ? AND format = ? AND role = ?",
            [.text(contentHash), .text(format), .text(role)]
        ).intValue
    }

    /// Records a file being imported; counts are filled in by `finish`.
    public func insert(path: String, contentHash: String, format: String, role: String, runID: Int64) throws -> Int64 {
        try database.execute(
            "INSERT INTO sources (path, content_hash, format, role, run_id) VALUES (?, ?, ?, ?, ?)",
            [.text(path), .text(contentHash), .text(format), .text(role), .integer(runID)])
        return database.lastInsertRowID
    }

    /// Sets the record counts (and the final content hash, known only after streaming the whole file).
    public func finish(sourceID: Int64, contentHash: String, records: Int, rejected: Int) throws {
        try database.execute(
            "UPDATE sources SET content_hash = ?, records = ?, rejected = ? WHERE id = ?",
            [.text(contentHash), .integer(Int64(records)), .integer(Int64(rejected)), .integer(sourceID)])
    }

    /// Stores a record that `--skip-invalid` set aside.
    public func reject(sourceID: Int64, line: Int, field: String?, reason: String, raw: String, runID: Int64) throws {
        try database.execute(
            "INSERT INTO rejects (source_id, line, field, reason, raw, run_id) VALUES (?, ?, ?, ?, ?, ?)",
            [.integer(sourceID), .integer(Int64(line)), SQLValue(field), .text(reason), .text(raw), .integer(runID)])
    }
}
