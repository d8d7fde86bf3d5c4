import Migrations
import Store
import Testing

/// `withIndexesDeferred`: a bulk insert into empty tables builds their indexes once at the end; anything
/// else leaves them alone; a failure brings them back with the rows undone.
@Suite struct DeferredIndexesTests {
    func migrated() throws -> Database {
        let database = try Database(path: ":memory:")
        try Migrator().migrate(database)
        try database.execute("INSERT INTO runs (command) VALUES ('import')")
        return database
    }

    func indexes(_ database: Database, _ table: String) throws -> [String] {
        try database.query("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL ORDER BY name",
                           [.text(table)]).map { $0.string("sql") }
    }

    func insertInstruction(_ database: Database, _ text: String) throws {
        try database.execute("INSERT INTO instructions (instruction, origin, run_id) VALUES (?, 'imported', 1)", [.text(text)])
    }

    @Test func emptyTablesLoseTheirIndexesDuringTheBodyAndGetThemBack() throws {
        let database = try migrated()
        let before = try indexes(database, "instructions")
        #expect(before.count >= 5)
        let during = try database.withIndexesDeferred(on: ["instructions", "completions"]) {
            try insertInstruction(database, "a")
            return try indexes(database, "instructions")
        }
        #expect(during.isEmpty)
        #expect(try indexes(database, "instructions") == before)
        #expect(try database.scalar("SELECT count(*) FROM instructions INDEXED BY instructions_run WHERE run_id = 1").intValue == 1)
    }

    @Test func tablesWithRowsKeepTheirIndexes() throws {
        let database = try migrated()
        try insertInstruction(database, "already there")
        let during = try database.withIndexesDeferred(on: ["instructions", "completions"]) {
            try indexes(database, "instructions")
        }
        #expect(during == (try indexes(database, "instructions")))
        #expect(!during.isEmpty)
    }

    @Test func aFailingBodyRestoresTheIndexesAndUndoesItsRows() throws {
        let database = try migrated()
        let before = try indexes(database, "instructions")
        struct Boom: Error {}
        #expect(throws: Boom.self) {
            try database.transaction {
                try database.withIndexesDeferred(on: ["instructions"]) {
                    try insertInstruction(database, "a")
                    throw Boom()
                }
            }
        }
        #expect(try indexes(database, "instructions") == before)
        #expect(try database.scalar("SELECT count(*) FROM instructions").intValue == 0)
        // Inside an outer transaction that goes on, the savepoint alone is undone.
        try database.transaction {
            try? database.withIndexesDeferred(on: ["instructions"]) {
                try insertInstruction(database, "b")
                throw Boom()
            }
            try insertInstruction(database, "c")
        }
        #expect(try indexes(database, "instructions") == before)
        #expect(try database.query("SELECT instruction FROM instructions").map { $0.string("instruction") } == ["c"])
    }
}
