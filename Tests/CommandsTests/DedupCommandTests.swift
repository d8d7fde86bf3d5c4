import Foundation
import Store
import Testing
import TestSupport

@Suite struct DedupCommandTests {
    @Test func minhashRecordsDuplicatesAndExportSkipsThem() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let result = runCLI(["dedup", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("unverified 0"))
        // "Give three tips for staying healthy." and "...healthy!" are the same word set.
        #expect(try scalar(db, "SELECT instruction_id || '->' || duplicate_of || ':' || method || ':' || similarity FROM duplicates") == "6->1:minhash:1.0")
        #expect(try scalar(db, "SELECT json_extract(options, '$.method') FROM runs WHERE command = 'dedup'") == "minhash")
        #expect(try scalar(db, "SELECT count(*) FROM examples WHERE is_duplicate") == "1")
        let out = dir.file("out.jsonl")
        #expect(runCLI(["export", "--db", db, "-o", out]).status == 0)
        #expect(!(try String(contentsOfFile: out, encoding: .utf8)).contains("move more"))
    }

    @Test func methodsAndSurvivorPolicy() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        // A higher score makes the later row the survivor.
        _ = try Database(path: db).execute("INSERT INTO scores (instruction_id, scorer, value, run_id) VALUES (6, 'manual', 9, 1)")
        #expect(runCLI(["dedup", "--db", db, "--method", "exact"]).status == 0)
        #expect(try scalar(db, "SELECT instruction_id || '->' || duplicate_of FROM duplicates WHERE method = 'exact'") == "1->6")
        #expect(runCLI(["dedup", "--db", db, "--method", "exact", "--keep", "first"]).status == 0)
        #expect(try scalar(db, "SELECT instruction_id || '->' || duplicate_of FROM active_duplicates WHERE method = 'exact'") == "6->1")
        #expect(runCLI(["dedup", "--db", db, "--method", "rouge", "--threshold", "0.9"]).status == 0)
        #expect(try scalar(db, "SELECT count(*) FROM active_duplicates WHERE method = 'rouge'") == "1")
        #expect(runCLI(["dedup", "--db", db, "--shingle", "char-4", "--num-perm", "64", "--json"]).stdout.contains("\"unverified_pairs\":0"))
        #expect(runCLI(["dedup", "--db", db, "--method", "exact", "--threshold", "0.5"]).status == 64)
        #expect(runCLI(["dedup", "--db", db, "--shingle", "char-x"]).status == 64)
        #expect(runCLI(["dedup", "--db", db, "--method", "nope"]).status == 64)
    }

    @Test func complexityDoesNotPickTheSurvivor() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        // A harder instruction is not a better example: like examples.best_score, survival ignores complexity.
        _ = try Database(path: db).execute("INSERT INTO scores (instruction_id, scorer, value, run_id) VALUES (6, 'complexity', 9, 1)")
        #expect(runCLI(["dedup", "--db", db, "--method", "exact"]).status == 0)
        #expect(try scalar(db, "SELECT instruction_id || '->' || duplicate_of FROM duplicates") == "6->1")
    }
}
