import Migrations
import Store
import Testing

/// `LatestVerdictTally` counts what `SELECT filter, count(*), sum(passed) FROM latest_verdicts GROUP BY filter`
/// returns, on databases that exercise every branch of the view: several filter runs with different rules per
/// scope, subjects checked twice in one run, recorded passes and failures older, as old as and newer than the
/// latest check, verdicts of filters no run listed (human review), and subjects with verdicts and no check.
@Suite struct LatestVerdictTallyTests {
    /// A small deterministic generator (SplitMix64) so each seed builds the same database.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        mutating func chance(_ percent: Int) -> Bool { next(100) < percent }
    }

    static let filters = ["empty", "length", "pii", "refusal", "toxicity"]

    func randomDatabase(seed: UInt64) throws -> Database {
        var random = Generator(state: seed)
        let database = try Database(path: ":memory:")
        try Migrator().migrate(database)
        for run in 1...6 { try database.execute("INSERT INTO runs (id, command, status) VALUES (?, 'filter', 'succeeded')", [.integer(Int64(run))]) }
        var subjects: [(Int64, Int64?)] = []
        for instruction in 1...24 {
            try database.execute("INSERT INTO instructions (id, instruction, origin, run_id) VALUES (?, 'x', 'imported', 1)", [.integer(Int64(instruction))])
            subjects.append((Int64(instruction), nil))
            if instruction % 3 != 0 {
                try database.execute("INSERT INTO completions (id, instruction_id, output, origin, run_id) VALUES (?, ?, 'y', 'imported', 1)",
                                     [.integer(Int64(instruction)), .integer(Int64(instruction))])
                subjects.append((Int64(instruction), Int64(instruction)))
            }
        }
        for run in 2...6 {
            for scope in ["instruction", "completion"] {
                for filter in Self.filters where random.chance(60) {
                    try database.execute("INSERT INTO run_rules (run_id, filter, scope) VALUES (?, ?, ?)", [.integer(Int64(run)), .text(filter), .text(scope)])
                }
            }
        }
        for (instruction, completion) in subjects {
            let subject: [SQLValue] = [.integer(instruction), completion.map(SQLValue.integer) ?? .null]
            for run in 2...6 where random.chance(50) {
                // A subject is checked at most once per run (the table's key); completion_key 0 is the instruction.
                try database.execute(
                    "INSERT INTO verdict_checks (instruction_id, completion_key, run_id) VALUES (?, coalesce(?, 0), ?)",
                    subject + [.integer(Int64(run))])
            }
            for _ in 0..<random.next(5) {
                let filter = random.chance(85) ? Self.filters[random.next(Self.filters.count)] : "human"
                try database.execute(
                    "INSERT INTO verdicts (instruction_id, completion_id, filter, passed, reason, run_id) VALUES (?, ?, ?, ?, 'r', ?)",
                    subject + [.text(filter), .integer(random.chance(30) ? 1 : 0), .integer(Int64(1 + random.next(6)))])
            }
        }
        return database
    }

    func viaView(_ database: Database) throws -> [String: LatestVerdictTally.Counts] {
        var counts: [String: LatestVerdictTally.Counts] = [:]
        for row in try database.query("SELECT filter, count(*) AS n, sum(passed) AS p FROM latest_verdicts GROUP BY filter") {
            counts[row.string("filter")] = LatestVerdictTally.Counts(checked: row.int("n"), passed: row.int("p"))
        }
        return counts
    }

    @Test(arguments: 1...12) func countsWhatTheViewHolds(seed: Int) throws {
        let database = try randomDatabase(seed: UInt64(seed))
        let expected = try viaView(database)
        #expect(expected.values.reduce(0) { $0 + $1.checked } > 50)
        let tally = try LatestVerdictTally.count(in: database)
        #expect(tally.byFilter == expected)
        #expect(tally.filters == expected.keys.sorted())
    }

    @Test func emptyDatabaseHasNoFilters() throws {
        let database = try Database(path: ":memory:")
        try Migrator().migrate(database)
        #expect(try LatestVerdictTally.count(in: database).byFilter.isEmpty)
    }
}
