import Store

/// Walks the instructions of a database in id order, a range of ids at a time, for commands whose work per
/// instruction is independent (filter, heuristic score). With a run, each chunk's rows commit in one
/// transaction together with the run's progress (`totals.cursor`, the last instruction id done), so memory
/// stays bounded by the chunk, Ctrl-C keeps every finished chunk, and a rerun with the same options continues
/// after the cursor of the run that stopped (its totals record `resumed_from`). Without a run (a dry run)
/// nothing is written.
///
/// The walk is a pipeline over three stages: this thread loads chunk k+2 and commits chunk k while chunk k+1 is
/// evaluated in the background on every core, so SQLite's single writer and the pure evaluation overlap. At
/// most three chunks are in memory at once.
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
    /// `judgingAnswers` (filter, score): when a later run added answers to instructions the unfinished run had
    /// already walked (completions whose `run_id` is newer, at or below its cursor), continuing would leave them
    /// unjudged, so the walk starts over and the totals record `input_changed_since` instead.
    func startingCursor(judgingAnswers: Bool = false) throws -> Int64 {
        guard let run,
              let previous = try RunStore(database).unfinishedRun(like: run.runID)
        else { return 0 }
        if judgingAnswers, try answersAdded(since: previous.runID, through: previous.cursor) {
            run.totals.counters["input_changed_since"] = Int(previous.runID)
            return 0
        }
        run.totals.counters["resumed_from"] = Int(previous.runID)
        return previous.cursor
    }

    /// Whether a run after `runID` added completions to instructions with ids up to `cursor`.
    private func answersAdded(since runID: Int64, through cursor: Int64) throws -> Bool {
        try database.scalar(
            "SELECT EXISTS (SELECT 1 FROM completions WHERE run_id > ? AND instruction_id <= ?)",
            [.integer(runID), .integer(cursor)]).intValue == 1
    }

    /// The number of instructions after `cursor`, for progress.
    func remaining(after cursor: Int64) throws -> Int {
        Int(try database.scalar("SELECT count(*) FROM instructions WHERE id > ?", [.integer(cursor)]).intValue ?? 0)
    }

    /// Walks the id ranges after `cursor`, up to the largest id when the walk starts (rows that `commit` adds
    /// are not walked again). For each range, `load` reads its input on this thread (outside any transaction),
    /// `evaluate` turns the input into results on a background thread (pure: no database), and `commit` writes
    /// the results; with a run, each `commit` is one transaction that also stores the run's totals with the new
    /// cursor. Loading a range ahead is safe because a chunk's writes concern only its own instructions.
    /// `commit` returns how many instructions it handled, for `progress`. An interrupt is honoured before each
    /// commit (once per chunk); evaluation already under way is finished and discarded.
    func walk<Input: Sendable, Output: Sendable>(
        from cursor: Int64, progress: StepProgress?,
        load: (ClosedRange<Int64>) throws -> Input,
        evaluate: @escaping @Sendable (Input) -> Output,
        commit: (ClosedRange<Int64>, Output) throws -> Int
    ) throws {
        let last = try database.scalar("SELECT max(id) FROM instructions").intValue ?? 0
        var lower = cursor + 1
        func nextRange() -> ClosedRange<Int64>? {
            guard lower <= last else { return nil }
            let range = lower...min(last, lower + chunk - 1)
            lower = range.upperBound + 1
            return range
        }
        func start(_ range: ClosedRange<Int64>, _ input: Input) -> (ClosedRange<Int64>, BackgroundWork<Output>) {
            (range, BackgroundWork { evaluate(input) })
        }
        guard let first = nextRange() else { progress?.finish(); return }
        var current: (range: ClosedRange<Int64>, work: BackgroundWork<Output>)? = start(first, try load(first))
        var loaded: (range: ClosedRange<Int64>, input: Input)?
        do {
            if let range = nextRange() { loaded = (range, try load(range)) }
            while let (range, work) = current {
                let output = work.wait()
                current = nil
                try interrupt.check()
                // The next chunk evaluates while this one is written, and the one after it is loaded.
                if let next = loaded { current = start(next.range, next.input) }
                loaded = nil
                progress?.advance(try step(range) { try commit(range, output) })
                if current != nil, let range = nextRange() { loaded = (range, try load(range)) }
            }
        } catch {
            // Never leave a background evaluation running past the walk.
            _ = current?.work.wait()
            throw error
        }
        progress?.finish()
    }

    private func step(_ range: ClosedRange<Int64>, _ body: () throws -> Int) throws -> Int {
        guard let run else { return try body() }
        let before = run.totals
        do {
            return try database.transaction {
                let handled = try body()
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
