import Foundation
import Migrations
import Store
import Testing

/// Migration i11-verdict-compaction rebuilds `verdict_checks` as a WITHOUT ROWID table keyed by subject and run:
/// an existing database's checks, latest verdicts, history and `examples` rows must read the same afterwards.
@Suite struct VerdictCompactionMigrationTests {
    /// A database at i11-verdict-storage with two filter runs stored the compact way of that migration
    /// (checks with completion_id NULL for instructions) and a verdict of another command.
    func databaseBeforeCompaction() throws -> Database {
        let database = try Database(path: ":memory:")
        let before = Array(Migration.all.prefix { $0.name != "i11-verdict-compaction" })
        #expect(before.last?.name == "i11-verdict-storage")
        try Migrator(migrations: before).migrate(database)
        try database.executeScript("""
            INSERT INTO runs (id, command, status) VALUES (1, 'import', 'succeeded'), (2, 'filter', 'succeeded'),
                (3, 'filter', 'succeeded'), (4, 'generate', 'succeeded');
            INSERT INTO instructions (id, instruction, origin, run_id) VALUES
                (1, 'Name three fruits.', 'imported', 1), (2, '列出三种水果。', 'imported', 1),
                (3, 'Unanswered.', 'imported', 1), (4, 'Never filtered.', 'imported', 1);
            INSERT INTO completions (id, instruction_id, output, origin, run_id) VALUES
                (1, 1, 'Apples, pears and plums.', 'imported', 1), (2, 1, 'I cannot list fruits.', 'imported', 1),
                (3, 2, '苹果、梨和', 'imported', 1), (4, 4, 'Fine.', 'imported', 1);
            INSERT INTO run_rules (run_id, filter, scope) VALUES
                (2, 'empty', 'instruction'), (2, 'length', 'instruction'), (2, 'empty', 'completion'),
                (2, 'refusal', 'completion'), (2, 'truncated', 'completion'), (3, 'refusal', 'completion');
            INSERT INTO verdict_checks (instruction_id, completion_id, run_id) VALUES
                (1, NULL, 2), (2, NULL, 2), (3, NULL, 2), (1, 1, 2), (1, 2, 2), (2, 3, 2), (1, 1, 3), (1, 2, 3), (2, 3, 3);
            INSERT INTO verdicts (instruction_id, completion_id, filter, passed, reason, detail, run_id) VALUES
                (3, NULL, 'length', 0, 'too short', '{"units":1}', 2),
                (1, 2, 'refusal', 0, 'refusal: I cannot', '{"kind":"refusal"}', 2),
                (2, 3, 'truncated', 0, 'ends with the dangling word ''和''', '{"ending":"和"}', 2),
                (1, 2, 'refusal', 0, 'refusal: I cannot', '{"kind":"refusal"}', 3),
                (1, NULL, 'gen-rouge', 1, NULL, '{"rouge_l":0.2}', 4);
            """)
        return database
    }

    func rows(_ database: Database, _ sql: String) throws -> [String] {
        try database.query(sql).map { row in zip(row.columns, row.values).map { "\($0)=\($1)" }.joined(separator: ",") }
    }

    static let queries = [
        "SELECT * FROM latest_verdicts ORDER BY instruction_id, completion_id, filter, run_id",
        "SELECT * FROM verdict_history ORDER BY instruction_id, completion_id, filter, run_id, id",
        "SELECT * FROM examples ORDER BY instruction_id, completion_id",
        "SELECT instruction_id, completion_id, run_id FROM verdict_checks ORDER BY instruction_id, completion_id, run_id",
    ]

    @Test func checksVerdictsAndExamplesReadTheSameAfterCompaction() throws {
        let database = try databaseBeforeCompaction()
        let before = try Self.queries.map { try rows(database, $0) }
        #expect(before[0].count == 3 * 2 + 3 * 3 + 1)
        #expect(before[2].filter { $0.contains("verdict=text(\"fail\")") }.count == 3)
        #expect(before[2].filter { $0.contains("verdict=text(\"unchecked\")") }.count == 1)

        #expect(try Migrator().migrate(database).contains("i11-verdict-compaction"))
        for (query, rowsBefore) in zip(Self.queries, before) {
            #expect(try rows(database, query) == rowsBefore, "\(query)")
        }
        // The key is the subject and run; completion_id is derived from it (NULL for the instruction).
        #expect(try database.scalar("SELECT count(*) FROM verdict_checks WHERE completion_key = 0").intValue == 3)
        #expect(try database.scalar("SELECT count(*) FROM verdict_checks WHERE completion_id IS NULL").intValue == 3)
        let withoutRowID = try database.scalar("SELECT sql FROM sqlite_master WHERE name = 'verdict_checks'").stringValue
        #expect(withoutRowID?.contains("WITHOUT ROWID") == true)
        #expect(try database.scalar(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND tbl_name = 'verdict_checks' AND sql IS NOT NULL").intValue == 0)
    }

    @Test func checksStayUniqueAndReferToRealRows() throws {
        let database = try databaseBeforeCompaction()
        try Migrator().migrate(database)
        let store = VerdictStore(database)
        // A new run checks completion 1 again and it passes refusal: run 3's verdict stays, run 5's is newest.
        try database.execute("INSERT INTO runs (id, command, status) VALUES (5, 'filter', 'succeeded')")
        try store.recordRule("refusal", scope: .completion, runID: 5)
        try store.recordCheck(instructionID: 1, completionID: 2, runID: 5)
        let latest = try #require(try database.first(
            "SELECT passed, run_id FROM latest_verdicts WHERE completion_id = 2 AND filter = 'refusal'"))
        #expect(latest.int("passed") == 1 && latest.int("run_id") == 5)
        #expect(try database.scalar("SELECT verdict FROM examples WHERE completion_id = 2").stringValue == "pass")
        // The same subject twice in one run is refused, and so is a completion that does not exist.
        #expect(throws: DatabaseError.self) { try store.recordCheck(instructionID: 1, completionID: 2, runID: 5) }
        #expect(throws: DatabaseError.self) { try store.recordCheck(instructionID: 1, completionID: 99, runID: 5) }
        #expect(try database.scalar("SELECT count(*) FROM verdict_checks WHERE run_id = 5").intValue == 1)
    }
}
