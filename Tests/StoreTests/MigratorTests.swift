import Foundation
import Migrations
import Store
import Testing

@Suite struct MigratorTests {
    /// sqlite_master rows with whitespace normalised, so formatting differences do not count.
    func normalisedSchema(_ database: Database) throws -> [String] {
        try database.query(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        ).map { row in
            let sql = row.string("sql").split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
            return "\(row.string("type"))|\(row.string("name"))|\(row.string("tbl_name"))|\(sql)"
        }
    }

    @Test func schemaFileEqualsWhatMigrationsProduce() throws {
        let dir = NSTemporaryDirectory() + "dsbench-schema-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let migrated = try Database(path: dir + "/migrated.db")
        try Migrator().migrate(migrated)
        let fromFile = try Database(path: dir + "/file.db")
        var root = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { root.deleteLastPathComponent() }
        let schema = try String(contentsOf: root.appendingPathComponent("schema.sql"), encoding: .utf8)
        try fromFile.executeScript(schema)
        let expected = try normalisedSchema(migrated)
        #expect(expected.count > 20)
        #expect(try normalisedSchema(fromFile) == expected)
    }

    @Test func migrateIsIdempotentAndRecordsVersion() throws {
        let database = try Database(path: ":memory:")
        let migrator = Migrator()
        #expect(try migrator.migrate(database) == Migration.all.map(\.name))
        #expect(try migrator.migrate(database).isEmpty)
        #expect(try migrator.version(of: database) == Migration.all.count)
        #expect(try database.scalar("SELECT count(*) FROM schema_migrations").intValue == Int64(Migration.all.count))
    }

    @Test func newerDatabaseIsRefused() throws {
        let database = try Database(path: ":memory:")
        try Migrator().migrate(database)
        try database.executeScript("PRAGMA user_version = 99")
        #expect(throws: MigrationError.databaseNewerThanBinary(path: ":memory:", databaseVersion: 99,
                                                              binaryVersion: Migration.all.count)) {
            try Migrator().migrate(database)
        }
    }

    @Test func olderDatabaseIsMigratedForward() throws {
        let database = try Database(path: ":memory:")
        let first = Migrator(migrations: [Migration(name: "001-a", sql: "CREATE TABLE a (id INTEGER PRIMARY KEY) STRICT;")])
        try first.migrate(database)
        let both = Migrator(migrations: first.migrations + [Migration(name: "002-b", sql: "CREATE TABLE b (id INTEGER PRIMARY KEY) STRICT;")])
        #expect(try both.pending(in: database) == ["002-b"])
        #expect(try both.migrate(database) == ["002-b"])
        #expect(try both.version(of: database) == 2)
    }

    @Test func failingMigrationLeavesNoTrace() throws {
        let database = try Database(path: ":memory:")
        let broken = Migrator(migrations: [
            Migration(name: "001-ok", sql: "CREATE TABLE a (id INTEGER PRIMARY KEY) STRICT;"),
            Migration(name: "002-broken", sql: "CREATE TABLE b (id INTEGER PRIMARY KEY) STRICT; INSERT INTO nowhere VALUES (1);"),
        ])
        #expect(throws: DatabaseError.self) { try broken.migrate(database) }
        #expect(try broken.version(of: database) == 1)
        #expect(try database.scalar("SELECT count(*) FROM sqlite_master WHERE name = 'b'").intValue == 0)
    }

    @Test func foreignKeyViolationRollsBackTheMigration() throws {
        let database = try Database(path: ":memory:")
        try database.executeScript("PRAGMA foreign_keys = OFF")
        let migrator = Migrator(migrations: [Migration(name: "001-fk", sql: """
            CREATE TABLE p (id INTEGER PRIMARY KEY) STRICT;
            CREATE TABLE c (id INTEGER PRIMARY KEY, p INTEGER REFERENCES p (id)) STRICT;
            INSERT INTO c VALUES (1, 42);
            """)])
        #expect(throws: MigrationError.foreignKeyViolation(migration: "001-fk", table: "c", rowid: 1)) {
            try migrator.migrate(database)
        }
        #expect(try migrator.version(of: database) == 0)
    }

    @Test func tableRebuildKeepsRowsAndEveryReferenceToTheRebuiltTables() throws {
        let database = try Database(path: ":memory:")
        try Migrator(migrations: [Migration.all[0]]).migrate(database)
        try database.executeScript("""
            INSERT INTO runs (id, command, status) VALUES (1, 'import', 'succeeded');
            INSERT INTO instructions (id, instruction, origin, run_id) VALUES (1, '写一首诗', 'seed', 1);
            INSERT INTO instructions (id, instruction, origin, parent_id, root_id, depth, run_id)
                VALUES (2, 'Write a poem', 'evolved', 1, 1, 1, 1);
            INSERT INTO completions (id, instruction_id, output, origin, run_id) VALUES (1, 2, 'Roses…', 'model', 1);
            INSERT INTO verdicts (instruction_id, completion_id, filter, passed, run_id) VALUES (2, 1, 'empty', 1, 1);
            """)
        #expect(try Migrator().migrate(database) == Migration.all.dropFirst().map(\.name))
        #expect(try database.scalar("SELECT group_concat(instruction, '|') FROM instructions").stringValue
                    == "写一首诗|Write a poem")
        #expect(try database.scalar("SELECT count(*) FROM examples WHERE verdict = 'pass'").intValue == 1)
        // Other tables still name the rebuilt tables, not the renamed copies that were dropped.
        let leftovers = try database.scalar("SELECT count(*) FROM sqlite_master WHERE sql LIKE '%before_002%'")
        #expect(leftovers.intValue == 0)
        #expect(try database.query("PRAGMA foreign_key_check").isEmpty)
        #expect(try database.scalar("PRAGMA foreign_keys").intValue == 1)
        // The widened enums and new columns are usable; the old ones still refuse bad values.
        try database.execute("INSERT INTO runs (command, status, pid, host) VALUES ('x', 'abandoned', 7, 'h')")
        try database.execute("INSERT INTO completions (instruction_id, output, origin, run_id) VALUES (2, 'y', 'edited', 1)")
        #expect(throws: DatabaseError.self) {
            try database.execute("INSERT INTO completions (instruction_id, output, origin, run_id) VALUES (99, 'y', 'model', 1)")
        }
        #expect(throws: DatabaseError.self) {
            try database.execute("INSERT INTO instructions (instruction, origin, run_id) VALUES ('z', 'nonsense', 1)")
        }
    }
}

@Suite struct EvolutionRoundMigrationTests {
    /// Rows written before i8-evolution-round held the round in `depth`; the backfill moves it to `round` and
    /// recomputes depth along the parent chain.
    @Test func backfillMovesTheRoundAndRecomputesDepth() throws {
        let database = try Database(path: ":memory:")
        let before = Migrator(migrations: Array(Migration.all.prefix { $0.name != "i8-evolution-round" }))
        try before.migrate(database)
        try database.executeScript("""
            INSERT INTO runs (id, command) VALUES (1, 'evolve');
            INSERT INTO instructions (id, instruction, origin, run_id) VALUES (1, 'seed', 'seed', 1);
            -- round 1 child (eliminated), then the seed retried in round 2, whose child went on in round 3
            INSERT INTO instructions (id, instruction, origin, parent_id, root_id, strategy, depth, run_id)
                VALUES (2, 'r1', 'evolved', 1, 1, 'deepen', 1, 1), (3, 'r2', 'evolved', 1, 1, 'concretize', 2, 1),
                       (4, 'r3', 'evolved', 3, 1, 'reasoning', 3, 1);
            """)
        try Migrator().migrate(database)
        let rows = try database.query("SELECT id, depth, round FROM instructions ORDER BY id")
        #expect(rows.map { "\($0.int("id")):\($0.int("depth")):\($0.optionalInt("round").map(String.init) ?? "-")" }
            == ["1:0:-", "2:1:1", "3:1:2", "4:2:3"])
    }
}
