/// `dedup_chunks`: what a resumable `dedup` run has computed so far, one row per chunk of instruction ids,
/// written in the chunk's transaction with the run's cursor. A rerun adopts the rows of the run it continues;
/// the run that finishes deletes its rows in the transaction that writes its duplicates.
public struct DedupChunkStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// One chunk: the instruction id range it covers, how many records it compared, the ids of those with
    /// something to compare, and the method's hashes for them (little-endian, `hashes.count` a multiple of
    /// `ids.count`).
    public struct Chunk: Sendable, Equatable {
        public var firstID: Int64
        public var lastID: Int64
        public var records: Int
        public var ids: [Int64]
        public var hashes: [UInt8]
        public var inputStamp: String

        public init(firstID: Int64, lastID: Int64, records: Int, ids: [Int64], hashes: [UInt8], inputStamp: String) {
            self.firstID = firstID
            self.lastID = lastID
            self.records = records
            self.ids = ids
            self.hashes = hashes
            self.inputStamp = inputStamp
        }
    }

    public func insert(_ chunk: Chunk, runID: Int64) throws {
        try database.execute(
            """
            INSERT INTO dedup_chunks (run_id, first_id, last_id, records, ids, hashes, input_stamp)
            VALUES (?, ?, ?, ?, ?, ?, ?)
            """,
            [.integer(runID), .integer(chunk.firstID), .integer(chunk.lastID), .integer(Int64(chunk.records)),
             .blob(Self.bytes(chunk.ids)), .blob(chunk.hashes), .text(chunk.inputStamp)])
    }

    /// Streams the chunks of a run in id order.
    public func forEachChunk(runID: Int64, _ body: (Chunk) throws -> Void) throws {
        try database.forEachRow(
            "SELECT first_id, last_id, records, ids, hashes, input_stamp FROM dedup_chunks WHERE run_id = ? ORDER BY first_id",
            [.integer(runID)]
        ) { row in
            try body(Chunk(
                firstID: row.int64("first_id"), lastID: row.int64("last_id"), records: row.int("records"),
                ids: Self.values(row.blob("ids")), hashes: row.blob("hashes"), inputStamp: row.string("input_stamp")))
        }
    }

    /// How many ids and hash bytes the chunks of a run hold, to reserve memory before reading them.
    public func size(runID: Int64) throws -> (ids: Int, hashBytes: Int) {
        let row = try database.first(
            "SELECT coalesce(sum(length(ids)), 0) / 8 AS ids, coalesce(sum(length(hashes)), 0) AS bytes FROM dedup_chunks WHERE run_id = ?",
            [.integer(runID)])
        return (row?.int("ids") ?? 0, row?.int("bytes") ?? 0)
    }

    /// Whether the chunks of `runID` cover ids 1...`cursor` without a gap, all computed on inputs described by
    /// `inputStamp`: only then can a rerun continue after `cursor` with them.
    public func cover(runID: Int64, through cursor: Int64, inputStamp: String) throws -> Bool {
        guard let row = try database.first(
            """
            SELECT count(*) AS n, coalesce(sum(last_id - first_id + 1), 0) AS covered, min(first_id) AS first,
                max(last_id) AS last, count(DISTINCT input_stamp) AS stamps, min(input_stamp) AS stamp
            FROM dedup_chunks WHERE run_id = ?
            """, [.integer(runID)])
        else { return false }
        if row.int("n") == 0 { return cursor == 0 }
        return row.int64("covered") == cursor && row.int64("first") == 1 && row.int64("last") == cursor
            && row.int("stamps") == 1 && row.string("stamp") == inputStamp
    }

    /// Moves the chunks of `previous` to `runID` (the run that continues it) and deletes the chunks of every
    /// other stopped run with the same command and options as `runID`, which no rerun can continue any more
    /// (a run still going in another process keeps its own).
    public func adopt(from previous: Int64?, into runID: Int64) throws {
        try database.execute(
            """
            DELETE FROM dedup_chunks WHERE run_id IS NOT ?1 AND run_id IN (
                SELECT r.id FROM runs r, runs this
                WHERE this.id = ?2 AND r.command = this.command AND r.options = this.options AND r.id <> ?2
                    AND r.status <> 'running')
            """, [SQLValue(previous), .integer(runID)])
        if let previous {
            try database.execute("UPDATE dedup_chunks SET run_id = ? WHERE run_id = ?", [.integer(runID), .integer(previous)])
        }
    }

    /// Deletes the chunks of a run.
    public func delete(runID: Int64) throws {
        try database.execute("DELETE FROM dedup_chunks WHERE run_id = ?", [.integer(runID)])
    }

    /// Fixed-width integers as little-endian bytes (a copy of the memory on little-endian machines).
    @inlinable
    public static func bytes<T: FixedWidthInteger>(_ values: [T]) -> [UInt8] {
        #if _endian(big)
        return values.map(\.littleEndian).withUnsafeBytes { Array($0) }
        #else
        return values.withUnsafeBytes { Array($0) }
        #endif
    }

    /// Little-endian bytes as fixed-width integers (a trailing partial value is ignored).
    @inlinable
    public static func values<T: FixedWidthInteger>(_ bytes: [UInt8], as type: T.Type = T.self) -> [T] {
        let count = bytes.count / MemoryLayout<T>.size
        let out = [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0 ..< count * MemoryLayout<T>.size]))
            }
            initialized = count
        }
        #if _endian(big)
        return out.map { T(littleEndian: $0) }
        #else
        return out
        #endif
    }
}
