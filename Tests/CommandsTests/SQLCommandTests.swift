import Foundation
import Store
import Testing
import TestSupport

@Suite struct SQLCommandTests {
    @Test func readOnlyUnlessWrite() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        #expect(runCLI(["init", "--db", db]).status == 0)
        let refused = runCLI(["sql", "--db", db, "INSERT INTO settings (key, value) VALUES ('a', '1')"])
        #expect(refused.status == 64)
        #expect(refused.stderr.contains("add --write"))
        #expect(runCLI(["sql", "--db", db, "SELECT count(*) AS n FROM settings"]).stdout.contains(#""n": 0"#))
        let written = runCLI(["sql", "--db", db, "--write", "INSERT INTO settings (key, value) VALUES ('a', '1')"])
        #expect(written.status == 0)
        let runs = runCLI(["sql", "--db", db, "--nl", "SELECT command, status, rows_written FROM runs"])
        #expect(runs.stdout == #"{"command": "sql", "status": "succeeded", "rows_written": 1}"# + "\n")
    }

    @Test func writeScriptsRunStatementByStatementAndCountRowsOnce() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        #expect(runCLI(["init", "--db", db]).status == 0)
        let script = "CREATE TABLE t (x INTEGER) STRICT; INSERT INTO t VALUES (1), (2); SELECT count(*) AS n FROM t; SELECT 1 AS one"
        let written = runCLI(["sql", "--db", db, "--write", "--nl", script])
        #expect(written.status == 0, "\(written.stderr)")
        #expect(written.stdout == "{\"n\": 2}\n{\"one\": 1}\n")
        let runs = runCLI(["sql", "--db", db, "--nl", "SELECT rows_written FROM runs"])
        #expect(runs.stdout == #"{"rows_written": 2}"# + "\n")
        #expect(runCLI(["sql", "--db", db, " ; "]).status == 64)
        // A script that starts with an SQL comment is recorded as the run's argument, not mistaken for an option.
        let commented = runCLI(["sql", "--db", db, "--write", "--", "-- add one\nINSERT INTO t VALUES (3)"])
        #expect(commented.status == 0, "\(commented.stderr)")
    }

    @Test func outputFormats() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        _ = runCLI(["init", "--db", db])
        let query = "SELECT 'a,b' AS x, 2 AS y, NULL AS z, '中文' AS w"
        #expect(runCLI(["sql", "--db", db, "--csv", query]).stdout == "x,y,z,w\r\n\"a,b\",2,,中文\r\n")
        #expect(runCLI(["sql", "--db", db, "--json", query]).stdout == "[ {\"x\": \"a,b\", \"y\": 2, \"z\": null, \"w\": \"中文\"}\n]\n")
        let table = runCLI(["sql", "--db", db, "-t", query]).stdout.split(separator: "\n")
        #expect(table.count == 3)
        #expect(table[2].hasPrefix("a,b  2"))
        #expect(runCLI(["sql", "--db", db, "--csv", "--json", query]).status == 64)
        // An empty (NULL) first cell keeps the row's other cells under their headers.
        let padded = runCLI(["sql", "--db", db, "-t", "SELECT NULL AS a, 'x' AS b UNION ALL SELECT 'long', 'y'"])
        #expect(padded.stdout == "a     b\n----  -\n      x\nlong  y\n")
    }

    @Test func sqlErrorsAreReportedWithTheStatement() {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        _ = runCLI(["init", "--db", db])
        let result = runCLI(["sql", "--db", db, "SELECT * FROM nowhere"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no such table: nowhere"))
    }
}
