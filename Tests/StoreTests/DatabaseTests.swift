import Foundation
import Migrations
import Store
import Testing

@Suite struct DatabaseTests {
    func migrated() throws -> Database {
        let database = try Database(path: ":memory:")
        try Migrator().migrate(database)
        return database
    }

    @Test func errorsCarryCodeMessageAndSQL() throws {
        let database = try migrated()
        let error = try #require(#expect(throws: DatabaseError.self) {
            try database.execute("INSERT INTO instructions (instruction, origin, run_id) VALUES ('x', 'bogus', 1)")
        })
        #expect(error.isConstraintViolation)
        #expect(error.code != error.primaryCode)  // extended code, not just SQLITE_CONSTRAINT
        #expect(error.message.contains("CHECK constraint failed"))
        #expect(error.sql?.contains("INSERT INTO instructions") == true)
    }

    @Test func foreignKeysAreEnforced() throws {
        let database = try migrated()
        #expect(throws: DatabaseError.self) {
            try database.execute("INSERT INTO instructions (instruction, origin, run_id) VALUES ('x', 'seed', 999)")
        }
    }

    @Test func transactionRollsBackOnError() throws {
        let database = try migrated()
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try database.transaction {
                try database.execute("INSERT INTO runs (command) VALUES ('a')")
                throw Boom()
            }
        }
        #expect(try database.scalar("SELECT count(*) FROM runs").intValue == 0)
        try database.transaction {
            try database.execute("INSERT INTO runs (command) VALUES ('b')")
            // A nested transaction becomes a savepoint; its failure only undoes its own writes.
            _ = try? database.transaction {
                try database.execute("INSERT INTO runs (command) VALUES ('c')")
                throw Boom()
            }
        }
        #expect(try database.query("SELECT command FROM runs").map { $0.string("command") } == ["b"])
    }

    @Test func aFailedCommitRollsBackAndLeavesTheConnectionUsable() throws {
        let database = try migrated()
        #expect(throws: DatabaseError.self) {
            try database.transaction {
                // A deferred foreign key is checked at COMMIT, so the commit itself fails.
                try database.execute("PRAGMA defer_foreign_keys = ON")
                try database.execute("INSERT INTO instructions (instruction, origin, run_id) VALUES ('x', 'seed', 999)")
            }
        }
        #expect(!database.isInTransaction)
        #expect(try database.scalar("SELECT count(*) FROM instructions").intValue == 0)
        // The next transaction is a real one again, not a savepoint of a transaction that no longer exists.
        try database.transaction { try database.execute("INSERT INTO runs (command) VALUES ('after')") }
        #expect(!database.isInTransaction)
        #expect(try database.query("SELECT command FROM runs").map { $0.string("command") } == ["after"])
    }

    @Test func valuesRoundTripIncludingChinese() throws {
        let database = try migrated()
        let runID = try RunStore(database).start(command: "test", optionsJSON: "{}")
        var row = InstructionStore.NewInstruction(instruction: "给出保持健康的三个建议。", origin: .seed, runID: runID)
        row.isClassification = true
        row.extra = #"{"translation_score": 5}"#
        let id = try InstructionStore(database).insert(row)
        let read = try #require(try InstructionStore(database).row(id: id))
        #expect(read.string("instruction") == "给出保持健康的三个建议。")
        #expect(read.optionalBool("is_classification") == true)
        #expect(read.optionalString("parent_id") == nil)
        #expect(read.string("language") == "und")
    }

    @Test func emptyAndEmbeddedNulTextRoundTrip() throws {
        let database = try migrated()
        for text in ["", "a\u{0}b", "中文 mixed"] {
            let value = try database.scalar("SELECT ?", [.text(text)])
            #expect(value == .text(text))
        }
    }

    @Test func runsCloseWithTotals() throws {
        let database = try migrated()
        let store = RunStore(database)
        let id = try store.start(command: "import", optionsJSON: #"{"format":"alpaca"}"#)
        var totals = RunStore.Totals()
        totals.rowsWritten = 7
        totals.counters = ["skipped": 2]
        try store.finish(runID: id, status: .succeeded, totals: totals)
        let row = try #require(try database.first("SELECT * FROM runs WHERE id = ?", [.integer(id)]))
        #expect(row.string("status") == "succeeded")
        #expect(row.int("rows_written") == 7)
        #expect(row.string("totals") == #"{"skipped":2}"#)
        #expect(row.optionalString("finished_at") != nil)
    }

    @Test func settingsUpsert() throws {
        let database = try migrated()
        let settings = SettingsStore(database)
        try settings.setJSON("prices", #"{"a":1}"#)
        try settings.setJSON("prices", #"{"a":2}"#)
        #expect(try settings.json("prices") == #"{"a":2}"#)
        #expect(try settings.all().count == 1)
    }

    @Test func scriptStatementsAreSplitAndClassified() throws {
        let database = try migrated()
        let statements = try database.statements(in: "SELECT 1; INSERT INTO runs (command) VALUES ('x');")
        #expect(statements.count == 2)
        #expect(statements[0].isReadOnly)
        #expect(!statements[1].isReadOnly)
    }

    @Test func checkedColumnReadFailsLoudlyOnAMissingColumn() throws {
        let database = try migrated()
        let row = try #require(try database.first("SELECT 7 AS instruction_id, NULL AS output"))
        #expect(try row.checked("instruction_id").intValue == 7)
        #expect(try row.checked("output") == .null)
        #expect(row["best_score"] == .null, "the unchecked subscript reads a missing column as NULL")
        #expect(throws: DatabaseError.self) { try row.checked("best_score") }
        do {
            _ = try row.checked("best_score")
        } catch {
            #expect(error.message.contains("best_score") && error.message.contains("instruction_id, output"))
        }
    }
}
