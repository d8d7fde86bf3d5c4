import Store
import Testing

/// Multi-row inserts write every row once, in order, whatever the count against the batch size, and a bad row
/// fails the call with SQLite's constraint error.
@Suite struct BatchInsertTests {
    func table() throws -> Database {
        let database = try Database(path: ":memory:")
        try database.executeScript("CREATE TABLE t (id INTEGER PRIMARY KEY, n INTEGER NOT NULL CHECK (n >= 0), s TEXT) STRICT")
        return database
    }

    @Test(arguments: [0, 1, 7, 8, 9, 16, 23])
    func writesEveryRowInOrder(count: Int) throws {
        let database = try table()
        var values: [SQLValue] = []
        for n in 0..<count { values += [.integer(Int64(n)), n % 3 == 0 ? .null : .text("row \(n)")] }
        try BatchInsert(database, table: "t", columns: ["n", "s"], batch: 8).insert(values)
        let rows = try database.query("SELECT id, n, s FROM t ORDER BY id")
        #expect(rows.count == count)
        for (i, row) in rows.enumerated() {
            #expect(row.int("n") == i && row.int("id") == i + 1)
            #expect(row.optionalString("s") == (i % 3 == 0 ? nil : "row \(i)"))
        }
    }

    @Test func aBadRowFailsWithTheConstraint() throws {
        let database = try table()
        let values: [SQLValue] = (0..<20).flatMap { n -> [SQLValue] in [.integer(n == 13 ? -1 : Int64(n)), .null] }
        #expect(throws: DatabaseError.self) {
            try database.transaction { try BatchInsert(database, table: "t", columns: ["n", "s"], batch: 8).insert(values) }
        }
        #expect(try database.scalar("SELECT count(*) FROM t").intValue == 0)
    }
}
