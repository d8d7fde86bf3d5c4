import JSONWriting

/// The provenance log: every command that writes opens a run and closes it with a status and totals.
public struct RunStore {
    public let database: Database
    public init(_ database: Database) { self.database = database }

    /// Status a run ends with.
    public enum Status: String, Sendable {
        case running, succeeded, failed, interrupted
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

    /// Opens a run. Written outside any work transaction so the row survives a rollback of the work.
    public func start(
        command: String, optionsJSON: String, model: String? = nil, endpointHost: String? = nil,
        template: String? = nil
    ) throws -> Int64 {
        try database.execute(
            "INSERT INTO runs (command, options, model, endpoint_host, template) VALUES (?, ?, ?, ?, ?)",
            [.text(command), .text(optionsJSON), SQLValue(model), SQLValue(endpointHost), SQLValue(template)])
        return database.lastInsertRowID
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

    /// A run that stopped part-way and can be continued: the newest run of `command` with exactly these
    /// options that did not succeed, recorded a `cursor` in its totals, and has no succeeded run with the same
    /// options after it. `cursor` is the last id its committed chunks covered.
    public func unfinishedRun(command: String, optionsJSON: String) throws -> (runID: Int64, cursor: Int64)? {
        let row = try database.first(
            """
            SELECT id, json_extract(totals, '$.cursor') AS cursor FROM runs
            WHERE command = ?1 AND options = ?2 AND status IN ('interrupted', 'failed', 'abandoned')
                AND json_extract(totals, '$.cursor') IS NOT NULL
                AND id > coalesce((SELECT max(id) FROM runs WHERE command = ?1 AND options = ?2 AND status = 'succeeded'), 0)
            ORDER BY id DESC LIMIT 1
            """, [.text(command), .text(optionsJSON)])
        guard let row, let cursor = row.optionalInt64("cursor") else { return nil }
        return (row.int64("id"), cursor)
    }
}
