import JSONWriting

/// The provenance log: every command that writes opens a run and closes it with a status and totals.
public struct RunStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// Status a run ends with.
    public enum Status: String, Sendable {
        case running, succeeded, failed, interrupted
        /// The process died without closing the run (kill -9, power loss); set by the next writer that notices.
        case abandoned
    }

    /// Totals accumulated by a command and stored when its run closes.
    public struct Totals: Sendable, Equatable {
        public var rowsWritten = 0
        public var llmCalls = 0
        public var promptTokens = 0
        public var completionTokens = 0
        public var costUSD = 0.0
        /// Command-specific counters (e.g. "skipped", "rejected", "eliminated.evol-leak"), stored as JSON.
        public var counters: [String: Int] = [:]
        public init() {}
    }

    /// Opens a run. Written outside any work transaction so the row survives a rollback of the work. `pid` and
    /// `host` name the process that owns the run, so a later writer can tell that it died.
    public func start(
        command: String, optionsJSON: String, model: String? = nil, endpointHost: String? = nil,
        template: String? = nil, pid: Int32? = nil, host: String? = nil
    ) throws -> Int64 {
        try database.execute(
            "INSERT INTO runs (command, options, model, endpoint_host, template, pid, host) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [.text(command), .text(optionsJSON), SQLValue(model), SQLValue(endpointHost), SQLValue(template),
             SQLValue(pid.map(Int64.init)), SQLValue(host)])
        return database.lastInsertRowID
    }

    /// Marks `running` runs started on `host` whose process `isAlive` says is gone as `abandoned`, with the
    /// time it was noticed as `finished_at`. `isAlive` gets the run's pid and `started_at` (ISO 8601 UTC text),
    /// so it can tell a pid reused by a later process from the run's own. Runs of other hosts are left alone
    /// (their processes cannot be checked from here). Returns the ids marked.
    @discardableResult
    public func markAbandoned(host: String, isAlive: (_ pid: Int32, _ startedAt: String) -> Bool) throws -> [Int64] {
        let candidates = try database.query(
            "SELECT id, pid, started_at FROM runs WHERE status = 'running' AND host = ? AND pid IS NOT NULL", [.text(host)])
        let dead = candidates.filter { !isAlive(Int32(truncatingIfNeeded: $0.int64("pid")), $0.string("started_at")) }
            .map { $0.int64("id") }
        for id in dead {
            try database.execute(
                """
                UPDATE runs SET status = 'abandoned', finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'),
                    error = 'the process (pid ' || pid || ' on ' || host || ') ended without closing the run; noticed by a later command'
                WHERE id = ? AND status = 'running'
                """,
                [.integer(id)])
        }
        return dead
    }

    /// Records model/endpoint/template once a command knows them (after start).
    public func describe(runID: Int64, model: String?, endpointHost: String?, template: String?) throws {
        try database.execute(
            """
            UPDATE runs SET model = coalesce(?, model), endpoint_host = coalesce(?, endpoint_host),
                template = coalesce(?, template) WHERE id = ?
            """,
            [SQLValue(model), SQLValue(endpointHost), SQLValue(template), .integer(runID)])
    }

    /// Closes a run with its final status, totals and error message.
    public func finish(runID: Int64, status: Status, totals: Totals, error: String? = nil) throws {
        try database.execute(
            """
            UPDATE runs SET status = ?, error = ?, finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?
            """,
            [.text(status.rawValue), SQLValue(error), .integer(runID)])
        try checkpoint(runID: runID, totals: totals)
    }

    /// Stores the totals of a run that is still going, so a chunked command's run row shows how far it got
    /// (call it inside each chunk's transaction: the progress commits with the work).
    public func checkpoint(runID: Int64, totals: Totals) throws {
        let counters = totals.counters.sorted { $0.key < $1.key }
            .map { "\(JSONString.quote($0.key)):\($0.value)" }.joined(separator: ",")
        try database.execute(
            """
            UPDATE runs SET rows_written = ?, llm_calls = ?, prompt_tokens = ?, completion_tokens = ?, cost_usd = ?,
                totals = ?
            WHERE id = ?
            """,
            [.integer(Int64(totals.rowsWritten)), .integer(Int64(totals.llmCalls)), .integer(Int64(totals.promptTokens)),
             .integer(Int64(totals.completionTokens)), .real(totals.costUSD), .text("{\(counters)}"), .integer(runID)])
    }

    /// A run that stopped part-way and that run `runID` can continue: the newest earlier run with the same
    /// command and exactly the same recorded options that did not succeed, recorded a `cursor` in its totals,
    /// and has no succeeded run with the same options after it. `cursor` is the last id its committed chunks
    /// covered.
    public func unfinishedRun(like runID: Int64) throws -> (runID: Int64, cursor: Int64)? {
        let row = try database.first(
            """
            WITH this AS (SELECT command, options FROM runs WHERE id = ?1)
            SELECT r.id, json_extract(r.totals, '$.cursor') AS cursor FROM runs r, this
            WHERE r.command = this.command AND r.options = this.options AND r.id < ?1
                AND r.status IN ('interrupted', 'failed', 'abandoned') AND json_extract(r.totals, '$.cursor') IS NOT NULL
                AND r.id > coalesce((
                    SELECT max(s.id) FROM runs s
                    WHERE s.command = this.command AND s.options = this.options AND s.status = 'succeeded'), 0)
            ORDER BY r.id DESC LIMIT 1
            """, [.integer(runID)])
        guard let row, let cursor = row.optionalInt64("cursor") else { return nil }
        return (row.int64("id"), cursor)
    }
}
