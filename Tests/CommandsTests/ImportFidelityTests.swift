import Foundation
import Hashing
import Store
import Testing
import TestSupport

@testable import Commands

/// The fast import path (byte-level JSON, indexes built after the rows, hashing on its own thread) stores what
/// the Foundation path stored, and fails as it failed. Expected values were taken from main's binary before
/// the change (bench/import_identity.sh compares whole datasets the same way).
@Suite struct ImportFidelityTests {
    private func scalar(_ db: String, _ sql: String) throws -> SQLValue {
        try Database(path: db).scalar(sql)
    }

    private func indexDefinitions(_ db: String) throws -> [String] {
        try Database(path: db).query("SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name")
            .map { $0.string("sql") }
    }

    @Test func trickyJSONIsStoredAsBefore() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        // A byte order mark, CRLF, blank lines, every escape, a surrogate pair, \u0000, floats and long integers,
        // nested objects kept in extra, a duplicate key (the last wins) and a trailing comma (Foundation takes it).
        var bytes: [UInt8] = [0xEF, 0xBB, 0xBF]
        bytes += Array(#"{"instruction":"esc \" \\ \/ \b\f\n\r\t \u00e9 \ud83d\ude00 nul\u0000end","input":"","output":"o"}"#.utf8)
        bytes += Array("\r\n\r\n".utf8)
        bytes += Array("""
            {"instruction":"numbers","output":"x","n":[0,-0,1.0,1e2,-1.5e-3,9223372036854775807,9223372036854775808,-9223372036854775808,123456789012345678901234567890,1e-400],"b":true,"z":null}

            {"instruction":"nested 中文","output":"y","extra":{"deep":{"list":[1,{"k":"v"}],"empty":{}}},"score":5}
            {"instruction":"duplicate key","instruction":"second wins","output":"z"}
            {"instruction":"trailing comma","output":"w",}

            """.utf8)
        let file = dir.file("t.jsonl")
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let result = runCLI(["import", "--db", db, "t.jsonl"], directory: dir.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.isEmpty, "no progress line in a pipe: \(result.stderr)")
        let rows = try Database(path: db).query("SELECT hex(instruction) AS h, extra, language, source FROM instructions ORDER BY id")
        #expect(rows.map { $0.string("h") } == [
            "6573632022205C202F20080C0A0D0920C3A920F09F9880206E756C00656E64", "6E756D62657273",
            "6E657374656420E4B8ADE69687", "7365636F6E642077696E73", "747261696C696E6720636F6D6D61",
        ])
        #expect(rows.map { $0.optionalString("extra") } == [
            nil,
            #"{"b": true, "n": [0, 0, 1.0, 100.0, -0.0015, 9223372036854775807, 9.223372036854776e+18, -9.223372036854776e+18, 1.2345678901234568e+29, 0.0], "z": null}"#,
            #"{"extra": {"deep": {"empty": {}, "list": [1, {"k": "v"}]}}, "score": 5}"#,
            nil, nil,
        ])
        #expect(rows.map { $0.string("language") } == ["en", "en", "zh", "en", "en"])
        #expect(rows.map { $0.string("source") } == ["t.jsonl:1", "t.jsonl:3", "t.jsonl:5", "t.jsonl:6", "t.jsonl:7"])
    }

    /// Several batches are queued ahead of the writer when a record deep in a big file is bad: the import
    /// stops with the record's line and field, stores nothing, and keeps every index (it used to crash).
    @Test func aBadRecordDeepInABigFileFailsCleanly() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        #expect(runCLI(["init", "--db", db]).status == 0)
        let indexesBefore = try indexDefinitions(db)
        var records: [String] = []
        for index in 0..<3000 {
            records.append(index == 2500
                ? #"{"instruction": 42, "input": "", "output": "x"}"#
                : #"{"instruction": "task \#(index)", "input": "", "output": "answer \#(index)"}"#)
        }
        _ = try dir.write("big.json", "[\n" + records.joined(separator: ",\n") + "\n]\n")
        let result = runCLI(["import", "--db", db, "big.json"], directory: dir.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains("big.json:2502: instruction: expected a string, found a number"), "\(result.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM instructions").intValue == 0)
        #expect(try scalar(db, "SELECT count(*) FROM sources").intValue == 0)
        #expect(try indexDefinitions(db) == indexesBefore)
        #expect(indexesBefore.contains { $0.contains("instructions_run") })
    }

    @Test func aFreshImportEndsWithTheSameIndexesAndASecondFileAddsToThem() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        #expect(runCLI(["init", "--db", db]).status == 0)
        let indexesBefore = try indexDefinitions(db)
        _ = try dir.write("a.jsonl", "{\"instruction\": \"a\", \"output\": \"1\"}\n{\"instruction\": \"b\", \"output\": \"2\"}\n")
        _ = try dir.write("b.jsonl", "{\"instruction\": \"c\", \"output\": \"3\"}\n")
        #expect(runCLI(["import", "--db", db, "a.jsonl", "b.jsonl"], directory: dir.path).status == 0)
        #expect(try indexDefinitions(db) == indexesBefore)
        #expect(try scalar(db, "SELECT count(*) FROM completions JOIN instructions ON instructions.id = instruction_id").intValue == 3)
        // The rebuilt indexes answer queries: the planner uses them and they hold every row.
        #expect(try scalar(db, "SELECT count(*) FROM instructions INDEXED BY instructions_run WHERE run_id = (SELECT max(id) FROM runs)").intValue == 3)
        #expect(try scalar(db, "SELECT count(*) FROM completions INDEXED BY completions_instruction WHERE instruction_id > 0").intValue == 3)
        #expect(try scalar(db, "PRAGMA integrity_check").stringValue == "ok")
    }

    /// A file imported before is skipped whatever it holds, even when a bad record would stop a first import.
    @Test func aFileImportedBeforeIsSkippedEvenWithABadRecord() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        _ = try dir.write("a.jsonl", "{\"instruction\": \"a\", \"output\": \"1\"}\n{\"instruction\": 7}\n")
        #expect(runCLI(["import", "--db", db, "a.jsonl", "--skip-invalid"], directory: dir.path).status == 0)
        let again = runCLI(["import", "--db", db, "a.jsonl", "--skip-invalid"], directory: dir.path)
        #expect(again.status == 0)
        #expect(again.stdout.contains("skipped"), "\(again.stdout)")
        #expect(try scalar(db, "SELECT count(*) FROM instructions").intValue == 1)
        #expect(try scalar(db, "SELECT count(*) FROM rejects").intValue == 1)
    }

    @Test func theProgressLineCountsMegabytesOfTheFile() throws {
        let dir = TemporaryDirectory()
        let file = try dir.write("big.jsonl", String(repeating: "x", count: 10_000_000))
        final class Clock: @unchecked Sendable {
            var now = Date(timeIntervalSince1970: 1_000)
        }
        let clock = Clock(), sink = BufferSink()
        let progress = ImportProgress(path: file, displayName: "big.jsonl", sink: sink, enabled: true, clock: { clock.now })
        clock.now += 0.5
        progress.read(upTo: 1_000_000)
        #expect(sink.text.isEmpty, "nothing during the first second")
        clock.now += 1.5
        progress.read(upTo: 4_000_000)
        #expect(sink.text.contains("import big.jsonl 4/10 MB  2/s  ETA 3s"), "\(sink.text)")
        progress.finish()
        #expect(sink.text.hasSuffix("\n"))
        let quiet = BufferSink()
        let off = ImportProgress(path: file, displayName: "big.jsonl", sink: quiet, enabled: false, clock: { clock.now })
        clock.now += 5
        off.read(upTo: 9_000_000)
        off.finish()
        #expect(quiet.text.isEmpty)
    }
}

/// A pipe given by name (`dsbench import <(zcat data.jsonl.gz)`) can be read once: the reader hashes it
/// while streaming, and every record arrives.
@Suite struct ImportFromNamedPipeTests {
    @Test func aNamedPipeIsReadOnceAndWhole() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let fifo = dir.file("records.jsonl")
        #expect(mkfifo(fifo, 0o600) == 0)
        let lines = (0..<2000).map { #"{"instruction": "task \#($0)", "output": "answer \#($0)"}"# }
        let text = lines.joined(separator: "\n") + "\n"
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            handle.write(Data(text.utf8))
            try? handle.close()
        }
        writer.start()
        let result = runCLI(["import", "--db", db, fifo])
        #expect(result.status == 0, "\(result.stderr)")
        let database = try Database(path: db)
        #expect(try database.scalar("SELECT count(*) FROM instructions").intValue == 2000)
        #expect(try database.scalar("SELECT content_hash FROM sources").stringValue == SHA256.hexDigest(of: text))
    }
}
