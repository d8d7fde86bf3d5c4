import Commands
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
        #expect(result.stdout.contains("rejected by the exact check"), "\(result.stdout)")
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
        let char4 = runCLI(["dedup", "--db", db, "--shingle", "char-4", "--num-perm", "64", "--json"]).stdout
        let pairs = try #require(try JSONSerialization.jsonObject(with: Data(char4.utf8)) as? [String: Any])
        #expect(pairs["candidate_pairs"] as? Int == (pairs["verified_pairs"] as? Int ?? -1) + (pairs["rejected_pairs"] as? Int ?? -1))
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

    /// Before the fix: 25 candidate pairs (one per band) for one pair of identical rows.
    @Test func twoIdenticalRowsAreOneCandidatePair() throws {
        let dir = TemporaryDirectory()
        let db = try LLMCommandFixtures.database(
            in: dir, seeds: ["Name three rivers in Asia.", "Name three rivers in Asia.", "写一首关于秋天的诗。"], origin: .imported)
        let result = runCLI(["dedup", "--db", db, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["candidate_pairs"] as? Int == 1)
        #expect(summary["verified_pairs"] as? Int == 1 && summary["rejected_pairs"] as? Int == 0)
        #expect(summary["duplicates"] as? Int == 1 && summary["run_id"] is Int)
    }

    /// Before the fix the comparison ran before the run was opened, so an interrupt left no trace.
    @Test func anInterruptedDedupLeavesAnInterruptedRun() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let interrupt = InterruptSignal()
        interrupt.request()
        let result = LLMCommandFixtures.run(["dedup", "--db", db], interrupt: interrupt)
        #expect(result.status == 130)
        #expect(try scalar(db, "SELECT status FROM runs WHERE command = 'dedup'") == "interrupted")
        #expect(try scalar(db, "SELECT count(*) FROM duplicates") == "0")
    }

    @Test func whereSelectsTheComparedRowsAndOptionsAreRecordedTyped() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let all = runCLI(["dedup", "--db", db, "--json"])
        let some = runCLI(["dedup", "--db", db, "--where", "instruction_id <> 6", "--json"])
        #expect(some.status == 0, "\(some.stderr)")
        func value(_ stdout: String, _ key: String) throws -> Int {
            try #require((try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])?[key] as? Int)
        }
        #expect(try value(some.stdout, "records") == value(all.stdout, "records") - 1)
        #expect(try value(some.stdout, "duplicates") == 0)
        // Defaults included, numbers as numbers.
        let options = try #require(try Database(path: db).first(
            "SELECT json_type(options, '$.threshold') AS t, json_extract(options, '$.threshold') AS v, json_type(options, '$.num_perm') AS p, json_extract(options, '$.where') AS w FROM runs WHERE command = 'dedup' ORDER BY id DESC"))
        #expect(options.string("t") == "real" && options.double("v") == 0.8)
        #expect(options.string("p") == "integer" && options.string("w") == "instruction_id <> 6")
    }
}
