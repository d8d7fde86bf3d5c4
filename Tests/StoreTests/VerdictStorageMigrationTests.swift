import Foundation
import Migrations
import Store
import Testing

/// Migration i11-verdict-storage turns the passing rows of earlier filter runs into per-subject checks; an old
/// database's latest verdicts and its `examples` rows must read the same afterwards.
@Suite struct VerdictStorageMigrationTests {
    /// A database at the schema before the migration, with verdicts written the old way: every rule of a
    /// filter run on every subject of its scope, passes included.
    func oldDatabase() throws -> Database {
        let database = try Database(path: ":memory:")
        let before = Migration.all.prefix { $0.name != "i11-verdict-storage" }
        #expect(before.count == 7)
        try Migrator(migrations: Array(before)).migrate(database)
        try database.executeScript("""
            INSERT INTO runs (id, command, status) VALUES (1, 'import', 'succeeded'), (2, 'filter', 'succeeded'),
                (3, 'generate', 'succeeded'), (4, 'filter', 'succeeded'), (5, 'filter', 'succeeded');
            INSERT INTO instructions (id, instruction, origin, run_id) VALUES
                (1, 'Name three fruits.', 'imported', 1), (2, '列出三种水果。', 'imported', 1),
                (3, 'Draw a cat.', 'imported', 1), (4, 'Unanswered.', 'imported', 1);
            INSERT INTO completions (id, instruction_id, output, origin, run_id) VALUES
                (1, 1, 'Apples, pears and plums.', 'imported', 1), (2, 2, '苹果、梨和李子。', 'imported', 1),
                (3, 3, 'I cannot draw.', 'imported', 1);
            """)
        var id = 0
        func verdict(_ instruction: Int, _ completion: Int?, _ filter: String, passed: Bool, run: Int) throws {
            id += 1
            try database.execute(
                "INSERT INTO verdicts (id, instruction_id, completion_id, filter, passed, reason, detail, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [.integer(Int64(id)), .integer(Int64(instruction)), completion.map { .integer(Int64($0)) } ?? .null,
                 .text(filter), .integer(passed ? 1 : 0), passed ? .null : .text("\(filter) failed"),
                 .text(#"{"run":\#(run)}"#), .integer(Int64(run))])
        }
        // Run 2: empty + length on instructions; empty, length, refusal on completions. Completion 3 refuses.
        for instruction in 1...4 {
            try verdict(instruction, nil, "empty", passed: true, run: 2)
            try verdict(instruction, nil, "length", passed: instruction != 4, run: 2)
        }
        for completion in 1...3 {
            try verdict(completion, completion, "empty", passed: true, run: 2)
            try verdict(completion, completion, "length", passed: true, run: 2)
            try verdict(completion, completion, "refusal", passed: completion != 3, run: 2)
        }
        // Run 3 (not a filter): a generation verdict, kept as it is.
        try verdict(1, nil, "gen-rouge", passed: true, run: 3)
        // Run 4: refusal again; completion 3 now passes, completion 1 fails.
        for completion in 1...3 { try verdict(completion, completion, "refusal", passed: completion != 1, run: 4) }
        // Run 5: incomplete for instruction 1 (length only, while instruction 2 got length and empty): its pass
        // must stay a stored row, not become a check that would imply an 'empty' pass never written.
        try verdict(1, nil, "length", passed: true, run: 5)
        try verdict(2, nil, "length", passed: true, run: 5)
        try verdict(2, nil, "empty", passed: true, run: 5)
        return database
    }

    func latest(_ database: Database) throws -> [String] {
        try database.query("""
            SELECT instruction_id, completion_id, filter, passed, reason, run_id, iif(passed = 0, detail, NULL) AS detail
            FROM latest_verdicts ORDER BY instruction_id, completion_id, filter
            """).map { $0.values.map { "\($0)" }.joined(separator: "|") }
    }

    func examples(_ database: Database) throws -> [String] {
        try database.query("SELECT * FROM examples ORDER BY instruction_id, completion_id")
            .map { row in zip(row.columns, row.values).map { "\($0)=\($1)" }.joined(separator: ",") }
    }

    @Test func latestVerdictsAndExamplesReadTheSameAfterMigrating() throws {
        let database = try oldDatabase()
        let latestBefore = try latest(database), examplesBefore = try examples(database)
        let storedBefore = try database.scalar("SELECT count(*) FROM verdicts").intValue ?? 0
        #expect(latestBefore.count == 4 * 2 + 3 * 3 + 1)
        #expect(examplesBefore.filter { $0.contains("verdict=text(\"fail\")") }.count == 2)

        try Migrator().migrate(database)
        #expect(try latest(database) == latestBefore)
        #expect(try examples(database) == examplesBefore)
        // The passes of complete checks are implied now; failures, run 3's and run 5's incomplete subject stay.
        #expect(try database.scalar("SELECT count(*) FROM verdicts WHERE passed = 0").intValue == 3)
        #expect(try database.scalar("SELECT count(*) FROM verdicts WHERE passed = 1").intValue == 2)
        #expect(try database.scalar("SELECT count(*) FROM verdicts").intValue ?? 0 < storedBefore)
        #expect(try database.scalar("SELECT count(*) FROM verdict_checks").intValue == 4 + 3 + 3 + 1)
        #expect(try database.scalar("SELECT count(*) FROM verdict_history").intValue == storedBefore)
    }

    @Test func newFilterRunsOverrideMigratedHistory() throws {
        let database = try oldDatabase()
        try Migrator().migrate(database)
        let store = VerdictStore(database)
        try database.execute("INSERT INTO runs (id, command, status) VALUES (6, 'filter', 'succeeded')")
        try store.recordRule("refusal", scope: .completion, runID: 6)
        // Completion 1 is checked again and passes: its run-4 failure is no longer the latest verdict.
        try store.recordCheck(instructionID: 1, completionID: 1, runID: 6)
        let row = try #require(try database.first(
            "SELECT passed, run_id, id FROM latest_verdicts WHERE completion_id = 1 AND filter = 'refusal'"))
        #expect(row.int("passed") == 1 && row.int("run_id") == 6 && row["id"] == .null)
        #expect(try database.scalar("SELECT verdict FROM examples WHERE completion_id = 1").stringValue == "pass")
        #expect(try database.scalar("SELECT passed_verdicts FROM examples WHERE completion_id = 1").intValue == 6)
    }
}
