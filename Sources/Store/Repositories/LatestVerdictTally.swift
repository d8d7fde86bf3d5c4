/// Per filter, how many (subject, filter) pairs `latest_verdicts` holds and how many of them passed — the
/// figures of `SELECT filter, count(*), sum(passed) FROM latest_verdicts GROUP BY filter`, counted in one pass
/// over `verdict_checks` in subject order instead of the view's correlated look-ups (11 s at a million
/// examples; this pass is linear and holds only the recorded verdicts and the rules of each run).
///
/// The view's rule, restated: for a subject and a filter, let L be the latest run that checked the subject
/// with that filter (a `verdict_checks` row whose run has the filter in `run_rules` for the subject's scope).
/// If the subject has a recorded verdict for the filter from run L or later, the latest of them (by run, then
/// id) is the one row; otherwise every check row of run L is an implied pass. A subject with recorded verdicts
/// and no covering check has its latest recorded verdict. A test keeps this equal to the view.
public struct LatestVerdictTally {
    /// One filter's counts.
    public struct Counts: Equatable, Sendable {
        public var checked = 0
        public var passed = 0
        public init(checked: Int = 0, passed: Int = 0) {
            self.checked = checked
            self.passed = passed
        }
    }

    /// Counts per filter name.
    public private(set) var byFilter: [String: Counts] = [:]

    /// The filters in SQLite's BINARY order (bytes of the UTF-8 text), as `ORDER BY filter` lists them.
    public var filters: [String] { byFilter.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) } }

    /// Counts the database's latest verdicts; `progress` is told every 65,536 check rows read.
    public static func count(in database: Database, progress: (Int) -> Void = { _ in }) throws -> LatestVerdictTally {
        var tally = LatestVerdictTally()
        var rules: [Scope: [Int64: [String]]] = [:]
        try database.scan("SELECT run_id, scope, filter FROM run_rules ORDER BY run_id, filter") { row in
            let scope: Scope = row.optionalString(1) == "instruction" ? .instruction : .completion
            rules[scope, default: [:]][row.int64(0), default: []].append(row.optionalString(2) ?? "")
        }
        // Recorded verdicts grouped by subject in the order the checks are read (NULL completion first).
        var recorded: [(subject: Subject, verdicts: [String: Recorded])] = []
        try database.scan(
            "SELECT instruction_id, completion_id, filter, run_id, id, passed FROM verdicts ORDER BY instruction_id, completion_id"
        ) { row in
            let subject = Subject(instruction: row.int64(0), completion: row.optionalInt64(1))
            let verdict = Recorded(run: row.int64(3), id: row.int64(4), passed: row.int64(5) != 0)
            let filter = row.optionalString(2) ?? ""
            if recorded.last?.subject != subject { recorded.append((subject, [:])) }
            if let other = recorded[recorded.count - 1].verdicts[filter], !other.isBefore(verdict) { return }
            recorded[recorded.count - 1].verdicts[filter] = verdict
        }
        var nextRecorded = 0
        // Subjects checked by the same runs and without recorded verdicts count alike: they are gathered per
        // scope (instruction and completion subjects alternate in this order) and added in one step.
        var subject: Subject?
        var runs: [Int64] = []
        var pending: [(runs: [Int64], subjects: Int)?] = [nil, nil]
        var read = 0
        func addPending(_ scope: Scope) {
            guard let held = pending[scope.rawValue] else { return }
            tally.add(runs: held.runs, rules: rules[scope] ?? [:], recorded: [:], subjects: held.subjects)
        }
        func close() {
            guard let current = subject else { return }
            let scope: Scope = current.completion == nil ? .instruction : .completion
            // Subjects with recorded verdicts and no check come before `current` in this order.
            while nextRecorded < recorded.count, recorded[nextRecorded].subject.precedes(current) {
                tally.add(runs: [], rules: [:], recorded: recorded[nextRecorded].verdicts, subjects: 1)
                nextRecorded += 1
            }
            if nextRecorded < recorded.count, recorded[nextRecorded].subject == current {
                tally.add(runs: runs, rules: rules[scope] ?? [:], recorded: recorded[nextRecorded].verdicts, subjects: 1)
                nextRecorded += 1
            } else if pending[scope.rawValue]?.runs == runs {
                pending[scope.rawValue]!.subjects += 1
            } else {
                addPending(scope)
                pending[scope.rawValue] = (runs, 1)
            }
        }
        try database.scan(
            // The table's own key order (completion_key is 0 for the instruction itself, as NULL sorts first), so
            // SQLite reads it without a sort.
            "SELECT instruction_id, completion_id, run_id FROM verdict_checks ORDER BY instruction_id, completion_key, run_id"
        ) { row in
            let next = Subject(instruction: row.int64(0), completion: row.optionalInt64(1))
            if next != subject {
                close()
                subject = next
                runs.removeAll(keepingCapacity: true)
            }
            runs.append(row.int64(2))
            read += 1
            if read & 0xFFFF == 0 { progress(0x10000) }
        }
        close()
        addPending(.instruction)
        addPending(.completion)
        // Subjects with recorded verdicts after the last checked one.
        for group in recorded[nextRecorded...] { tally.add(runs: [], rules: [:], recorded: group.verdicts, subjects: 1) }
        return tally
    }

    /// Adds `subjects` subjects that were checked by `runs` (ascending, repeated when a run checked one twice)
    /// and have the `recorded` verdicts; `rules` are the filters of each run for their scope.
    private mutating func add(runs: [Int64], rules: [Int64: [String]], recorded: [String: Recorded], subjects: Int) {
        var latestCheck: [String: (run: Int64, rows: Int)] = [:]
        for run in runs {
            for filter in rules[run] ?? [] {
                if let held = latestCheck[filter], held.run == run {
                    latestCheck[filter] = (run, held.rows + 1)
                } else {
                    latestCheck[filter] = (run, 1)
                }
            }
        }
        for (filter, check) in latestCheck where recorded[filter].map({ $0.run < check.run }) ?? true {
            byFilter[filter, default: Counts()].checked += check.rows * subjects
            byFilter[filter, default: Counts()].passed += check.rows * subjects
        }
        for (filter, verdict) in recorded where latestCheck[filter].map({ verdict.run >= $0.run }) ?? true {
            byFilter[filter, default: Counts()].checked += subjects
            if verdict.passed { byFilter[filter, default: Counts()].passed += subjects }
        }
    }

    private enum Scope: Int { case instruction, completion }

    private struct Subject: Equatable {
        let instruction: Int64
        let completion: Int64?

        /// SQLite's `ORDER BY instruction_id, completion_id`: NULL before any id.
        func precedes(_ other: Subject) -> Bool {
            if instruction != other.instruction { return instruction < other.instruction }
            switch (completion, other.completion) {
            case (nil, nil): return false
            case (nil, _?): return true
            case (_?, nil): return false
            case (let left?, let right?): return left < right
            }
        }
    }

    private struct Recorded {
        let run: Int64
        let id: Int64
        let passed: Bool
        func isBefore(_ other: Recorded) -> Bool { run < other.run || (run == other.run && id < other.id) }
    }
}
