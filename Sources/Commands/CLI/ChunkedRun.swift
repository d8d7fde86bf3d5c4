import Store

/// Walks the instructions of a database in id order, a range of ids at a time, for commands whose work per
/// instruction is independent (filter, heuristic score). With a run, each chunk's rows commit in one
/// transaction together with the run's progress (`totals.cursor`, the last instruction id done), so memory
/// stays bounded by the chunk, Ctrl-C keeps every finished chunk, and a rerun with the same options continues
/// after the cursor of the run that stopped (its totals record `resumed_from`). Without a run (a dry run)
/// nothing is written.
struct ChunkedRun {
    /// Instruction ids per chunk: large enough that a commit is cheap next to the work, small enough to bound
    /// memory (a few MB of text).
    static let defaultChunk: Int64 = 8192

    let database: Database
    let run: RunRecorder?
    let interrupt: InterruptSignal
    /// Instruction ids per chunk: `DSBENCH_CHUNK_SIZE` from the environment, else `defaultChunk`.
    let chunk: Int64

    init(database: Database, run: RunRecorder?, context: CommandContext) {
        self.database = database
        self.run = run
        self.interrupt = context.interrupt
        let configured = context.environment["DSBENCH_CHUNK_SIZE"].flatMap { Int64($0) } ?? 0
        chunk = configured > 0 ? configured : Self.defaultChunk
    }

    /// The cursor to start after: that of an unfinished run with the same command and the same recorded
    /// options as this run, else 0. Records `resumed_from` in this run's totals when it continues another.
    func startingCursor() throws -> Int64 {
        guard let run,
              let previous = try RunStore(database).unfinishedRun(like: run.runID)
        else { return 0 }
        run.totals.counters["resumed_from"] = Int(previous.runID)
        return previous.cursor
    }

    /// The number of instructions after `cursor`, for progress.
    func remaining(after cursor: Int64) throws -> Int {
        Int(try database.scalar("SELECT count(*) FROM instructions WHERE id > ?", [.integer(cursor)]).intValue ?? 0)
    }

    /// Calls `body` with each id range after `cursor`, up to the largest id when the walk starts (rows that
    /// `body` adds are not walked again). With a run, each call is one transaction that also stores the run's
    /// totals with the new cursor. `body` returns how many instructions it handled, for `progress`. An
    /// interrupt is honoured between chunks.
    func walk(from cursor: Int64, progress: StepProgress?, _ body: (ClosedRange<Int64>) throws -> Int) throws {
        let last = try database.scalar("SELECT max(id) FROM instructions").intValue ?? 0
        var lower = cursor + 1
        while lower <= last {
            try interrupt.check()
            let range = lower...min(last, lower + chunk - 1)
            progress?.advance(try step(range, body))
            lower = range.upperBound + 1
        }
        progress?.finish()
    }

    private func step(_ range: ClosedRange<Int64>, _ body: (ClosedRange<Int64>) throws -> Int) throws -> Int {
        guard let run else { return try body(range) }
        let before = run.totals
        do {
            return try database.transaction {
                let handled = try body(range)
                run.totals.counters["cursor"] = Int(range.upperBound)
                try RunStore(database).checkpoint(runID: run.runID, totals: run.totals)
                return handled
            }
        } catch {
            // Counters a failed chunk added roll back with its rows.
            run.totals = before
            throw error
        }
    }
}
