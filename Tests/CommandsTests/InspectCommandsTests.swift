import Foundation
import Migrations
import Store
import Testing
import TestSupport

/// stats, show and runs over a small hand-made lineage.
@Suite struct InspectCommandsTests {
    /// A seed with one evolved child and one failed grandchild, answers, a verdict, a score and a duplicate.
    func fixture() throws -> (TemporaryDirectory, String, [Int64]) {
        let dir = TemporaryDirectory()
        let path = dir.file("t.db")
        let database = try Database(path: path)
        try Migrator().migrate(database)
        let run = try RunStore(database).start(command: "test", optionsJSON: "{}")
        let store = InstructionStore(database)
        var seed = InstructionStore.NewInstruction(instruction: "解释光合作用。", origin: .seed, runID: run)
        seed.language = "zh"
        let a = try store.insert(seed)
        var child = InstructionStore.NewInstruction(instruction: "用三个步骤解释光合作用，并说明叶绿素的作用。", origin: .evolved, runID: run)
        child.parentID = a; child.rootID = a; child.strategy = "deepen"; child.depth = 1; child.language = "zh"
        let b = try store.insert(child)
        var grandchild = InstructionStore.NewInstruction(instruction: "#Rewritten Prompt# ...", origin: .evolved, runID: run)
        grandchild.parentID = b; grandchild.rootID = a; grandchild.strategy = "constraints"; grandchild.depth = 2
        let c = try store.insert(grandchild)
        let dup = try store.insert(.init(instruction: "解释光合作用", origin: .imported, runID: run))
        try CompletionStore(database).insert(.init(instructionID: a, output: "光合作用是植物利用光能……", origin: .seed, runID: run))
        try database.execute("INSERT INTO verdicts (instruction_id, filter, passed, reason, run_id) VALUES (?, 'evol-leak', 0, 'template wording leaked', ?)", [.integer(c), .integer(run)])
        try database.execute("INSERT INTO scores (instruction_id, scorer, value, rationale, run_id) VALUES (?, 'heuristic', 7.5, 'ok', ?)", [.integer(a), .integer(run)])
        let dedup = try RunStore(database).start(command: "dedup", optionsJSON: #"{"method":"exact"}"#)
        try database.execute("INSERT INTO duplicates (instruction_id, duplicate_of, method, similarity, run_id) VALUES (?, ?, 'exact', 1.0, ?)", [.integer(dup), .integer(a), .integer(dedup)])
        try RunStore(database).finish(runID: dedup, status: .succeeded, totals: .init())
        try RunStore(database).finish(runID: run, status: .succeeded, totals: .init())
        return (dir, path, [a, b, c, dup])
    }

    @Test func showDrawsLineageAndEverythingAttached() throws {
        let (dir, db, ids) = try fixture()
        _ = dir
        let middle = runCLI(["show", String(ids[1]), "--db", db])
        #expect(middle.status == 0)
        let lines = middle.stdout.split(separator: "\n").map(String.init)
        let lineageStart = try #require(lines.firstIndex(of: "lineage:"))
        #expect(lines[lineageStart + 1].hasPrefix("#\(ids[0]) [seed]"))
        #expect(lines[lineageStart + 2].hasPrefix("  #\(ids[1]) [evolved deepen d1] ← this"))
        #expect(lines[lineageStart + 3].hasPrefix("    #\(ids[2]) [evolved constraints d2] ✗ evol-leak"))
        let root = runCLI(["show", String(ids[0]), "--db", db])
        #expect(root.stdout.contains("heuristic 7.5"))
        #expect(root.stdout.contains("#\(ids[3]) duplicate of #\(ids[0]) by exact"))
        #expect(root.stdout.contains("光合作用是植物利用光能"))
        let json = runCLI(["show", String(ids[2]), "--db", db, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["ancestors"] as? [Any])?.count == 2)
        #expect(runCLI(["show", "999", "--db", db]).status == 1)
    }

    @Test func examplesViewReflectsVerdictsAndDuplicates() throws {
        let (dir, db, ids) = try fixture()
        _ = dir
        let database = try Database(path: db)
        let rows = try database.query("SELECT instruction_id, verdict, is_duplicate, best_score FROM examples ORDER BY instruction_id")
        #expect(rows.map { $0.int64("instruction_id") } == ids)
        #expect(rows[2].string("verdict") == "fail")
        #expect(rows[0].string("verdict") == "unchecked")
        #expect(rows[0].double("best_score") == 7.5)
        #expect(rows[3].int("is_duplicate") == 1)
        #expect(rows[0].int("is_duplicate") == 0)
    }

    @Test func statsCountsAndJSON() throws {
        let (dir, db, _) = try fixture()
        _ = dir
        let text = runCLI(["stats", "--db", db])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("4 instructions, 1 completions"))
        let json = runCLI(["stats", "--db", db, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let origins = try #require(object["by_origin"] as? [[String: Any]])
        #expect(origins.first { $0["origin"] as? String == "evolved" }?["instructions"] as? Int == 2)
        let verdicts = try #require(object["verdicts"] as? [[String: Any]])
        #expect(verdicts.first?["filter"] as? String == "evol-leak")
        #expect(verdicts.first?["passed"] as? Int == 0)
        let duplicates = try #require(object["duplicates"] as? [[String: Any]])
        #expect(duplicates.first?["duplicates"] as? Int == 1)
        let lengths = try #require(object["lengths"] as? [String: [String: [String: Int]]])
        #expect(lengths["output"]?["chars"]?["count"] == 1)
        #expect(lengths["instruction"]?["tokens"]?["max"] ?? 0 > 10)
        // The longest instruction has 22 characters and no input; no separator is counted.
        #expect(lengths["instruction"]?["chars"]?["max"] == 22)
    }

    @Test func runsListsProvenance() throws {
        let (dir, db, _) = try fixture()
        _ = dir
        let json = runCLI(["runs", "--db", db, "--json", "--command", "dedup"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["status"] as? String == "succeeded")
        #expect(runCLI(["runs", "--db", db]).stdout.contains("dedup"))
    }
}

@Suite struct ExamplesViewScoreTests {
    @Test func bestScoreIgnoresComplexity() throws {
        let dir = TemporaryDirectory()
        let database = try Database(path: dir.file("t.db"))
        try Migrator().migrate(database)
        let run = try RunStore(database).start(command: "test", optionsJSON: "{}")
        let id = try InstructionStore(database).insert(.init(instruction: "Explain tides.", origin: .imported, runID: run))
        try CompletionStore(database).insert(.init(instructionID: id, output: "The moon pulls the sea.", origin: .imported, runID: run))
        try database.execute("INSERT INTO scores (instruction_id, scorer, value, run_id) VALUES (?, 'complexity', 9, ?)", [.integer(id), .integer(run)])
        #expect(try database.scalar("SELECT best_score FROM examples").isNull)
        try database.execute("INSERT INTO scores (instruction_id, scorer, value, run_id) VALUES (?, 'judge', 6, ?)", [.integer(id), .integer(run)])
        #expect(try database.scalar("SELECT best_score FROM examples") == .real(6))
    }
}
