import Foundation
import Migrations
import Store
import Testing
import TestSupport

/// `dsbench evolve --backend rules` end to end, through the command line in-process.
@Suite struct EvolveCommandTests {
    /// A database with two English and one Chinese seed instruction; returns the path and their ids.
    func seededDatabase(_ dir: TemporaryDirectory) throws -> (String, [Int64]) {
        let path = dir.file("evolve.db")
        #expect(runCLI(["init", "--db", path]).status == 0)
        let database = try Database(path: path)
        let runID = try RunStore(database).start(command: "test", optionsJSON: "{}")
        let store = InstructionStore(database)
        var ids: [Int64] = []
        for (text, input) in [("Explain how photosynthesis works.", ""), ("Summarise the paragraph.", "Remote work grew fast."),
                              ("简单介绍一下清明节的由来。", "")] {
            var row = InstructionStore.NewInstruction(instruction: text, origin: .seed, runID: runID)
            row.input = input
            ids.append(try store.insert(row))
        }
        return (path, ids)
    }

    func rows(_ path: String, _ sql: String) throws -> [Row] {
        try Database(path: path).query(sql)
    }

    @Test func twoRoundsWriteLineage() throws {
        let dir = TemporaryDirectory()
        let (db, ids) = try seededDatabase(dir)
        let result = runCLI(["evolve", "--db", db, "--backend", "rules", "--rounds", "2", "--seed", "5"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("round 1: 3 evolved"))
        #expect(result.stdout.contains("round 2: 3 evolved"))
        let depth1 = try rows(db, "SELECT * FROM instructions WHERE depth = 1 ORDER BY parent_id")
        #expect(depth1.map { $0.int64("parent_id") } == ids)
        #expect(depth1.allSatisfy { $0.string("origin") == "rules" && $0.string("strategy").hasPrefix("rules:") })
        #expect(depth1.map { $0.int64("root_id") } == ids)
        #expect(depth1[1].string("input") == "Remote work grew fast.")
        #expect(depth1[2].string("language") == "zh")
        #expect(depth1[2].string("instruction").contains("简单介绍一下清明节的由来"))
        let depth2 = try rows(db, "SELECT * FROM instructions WHERE depth = 2 ORDER BY root_id")
        #expect(depth2.count == 3)
        #expect(Set(depth2.map { $0.int64("parent_id") }) == Set(depth1.map { $0.int64("id") }))
        #expect(depth2.map { $0.int64("root_id") } == ids)
        for child in depth2 {
            let parent = depth1.first { $0.int64("id") == child.int64("parent_id") }!
            #expect(child.string("instruction").contains(
                parent.string("instruction").trimmingCharacters(in: CharacterSet(charactersIn: ".。"))
                    .split(separator: " ").last.map(String.init) ?? "#"))
        }
        let run = try rows(db, "SELECT * FROM runs WHERE command = 'evolve'")
        #expect(run.count == 1 && run[0].string("status") == "succeeded" && run[0].int("rows_written") == 6)
        #expect(run[0].string("template") == "rules")
        let verdicts = try rows(db, "SELECT filter, passed FROM verdicts ORDER BY id")
        #expect(verdicts.count == 18)
        // Only a rules rewrite stacked on its parent's same-kind wording may fail here.
        #expect(verdicts.filter { !$0.bool("passed") }.allSatisfy { $0.string("filter") == "evol-stacked" })
    }

    @Test func rerunIsIdempotentAndMoreRoundsOnlyAddTheNewRound() throws {
        let dir = TemporaryDirectory()
        let (db, _) = try seededDatabase(dir)
        #expect(runCLI(["evolve", "--db", db, "--backend", "rules", "--rounds", "2", "--seed", "9"]).status == 0)
        let before = try rows(db, "SELECT id, instruction, strategy FROM instructions ORDER BY id").map { $0.string("instruction") }
        let again = runCLI(["evolve", "--db", db, "--backend", "rules", "--rounds", "2", "--seed", "9"])
        #expect(again.status == 0)
        #expect(again.stdout.contains("Nothing to do"))
        #expect(try rows(db, "SELECT count(*) AS n FROM runs WHERE command = 'evolve'")[0].int("n") == 1)
        #expect(try rows(db, "SELECT instruction FROM instructions ORDER BY id").map { $0.string("instruction") } == before)
        let third = runCLI(["evolve", "--db", db, "--backend", "rules", "--rounds", "3", "--seed", "9", "--json"])
        #expect(third.status == 0, "\(third.stderr)")
        let rounds = try EvolveJSON(third.stdout)
        #expect(rounds.round(3) == .init(round: 3, planned: 3, already_done: 0, evolved: 3, failed_evolutions: 0))
        #expect(rounds.round(1) == .init(round: 1, planned: 3, already_done: 3, evolved: 0, failed_evolutions: 0))
        let perRound = try rows(db, "SELECT coalesce(round, 0) AS r, count(*) AS n FROM instructions GROUP BY r ORDER BY r")
        #expect(perRound.map { $0.int("n") } == [3, 3, 3, 3])
    }

    @Test func eliminatedEvolutionIsRetriedWithAnotherStrategy() throws {
        let dir = TemporaryDirectory()
        let (db, ids) = try seededDatabase(dir)
        #expect(runCLI(["evolve", "--db", db, "--backend", "rules", "--rounds", "1", "--seed", "3"]).status == 0)
        // Mark the first root's evolution as eliminated, as a failing evol-* verdict would.
        let database = try Database(path: db)
        let failed = try database.query("SELECT id, strategy FROM instructions WHERE parent_id = ?", [.integer(ids[0])])[0]
        let runID = try RunStore(database).start(command: "test", optionsJSON: "{}")
        try database.execute(
            "INSERT INTO verdicts (instruction_id, filter, passed, reason, run_id) VALUES (?, 'evol-leak', 0, 'test', ?)",
            [.integer(failed.int64("id")), .integer(runID)])
        #expect(runCLI(["evolve", "--db", db, "--backend", "rules", "--rounds", "2", "--seed", "3"]).status == 0)
        let retried = try database.query(
            "SELECT strategy, depth FROM instructions WHERE parent_id = ? AND round = 2", [.integer(ids[0])])
        #expect(retried.count == 1)
        #expect(retried.first?.int("depth") == 1, "a retry is the root's child: depth 1, round 2")
        #expect(retried.first?.string("strategy") != failed.string("strategy"))
        let childrenOfFailed = try database.query(
            "SELECT count(*) AS n FROM instructions WHERE parent_id = ?", [.integer(failed.int64("id"))])
        #expect(childrenOfFailed[0].int("n") == 0)
        let survivorsEvolved = try database.query(
            "SELECT count(*) AS n FROM instructions WHERE depth = 2 AND parent_id NOT IN (?)", [.integer(ids[0])])
        #expect(survivorsEvolved[0].int("n") == 2)
    }

    @Test func whereSelectsAndStrategiesRestrict() throws {
        let dir = TemporaryDirectory()
        let (db, ids) = try seededDatabase(dir)
        let result = runCLI([
            "evolve", "--db", db, "--backend", "rules", "--where", "language = 'und' AND instruction LIKE '%清明%'",
            "--strategies", "domain", "--per-instruction", "2",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let made = try rows(db, "SELECT parent_id, strategy, instruction FROM instructions WHERE depth = 1")
        #expect(made.count == 2)
        #expect(made.allSatisfy { $0.int64("parent_id") == ids[2] && $0.string("strategy") == "rules:domain" })
        #expect(made.allSatisfy { $0.string("instruction").contains("领域") || $0.string("instruction").contains("行业") })
    }

    @Test func evolvedRowsCarryTheDetectorsLanguageCodes() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("languages.db")
        #expect(runCLI(["init", "--db", path]).status == 0)
        let database = try Database(path: path)
        let runID = try RunStore(database).start(command: "test", optionsJSON: "{}")
        for text in ["日本の首都について簡単に説明してください。", "한국의 전통 음식을 소개해 주세요."] {
            try InstructionStore(database).insert(InstructionStore.NewInstruction(instruction: text, origin: .seed, runID: runID))
        }
        let result = runCLI(["evolve", "--db", path, "--backend", "rules", "--strategies", "constraint"])
        #expect(result.status == 0, "\(result.stderr)")
        let languages = try rows(path, "SELECT language FROM instructions WHERE depth = 1 ORDER BY parent_id").map { $0.string("language") }
        // Japanese and Korean are not Chinese, even though the rules use the Chinese phrase list for CJK text.
        #expect(languages == ["ja", "ko"])
    }

    @Test func sameSeedSameRowsOtherSeedOtherRows() throws {
        func evolved(seed: String) throws -> [String] {
            let dir = TemporaryDirectory()
            let (db, _) = try seededDatabase(dir)
            #expect(runCLI(["evolve", "--db", db, "--backend", "rules", "--rounds", "2", "--seed", seed]).status == 0)
            return try rows(db, "SELECT strategy || ' ' || instruction AS s FROM instructions WHERE depth > 0 ORDER BY id")
                .map { $0.string("s") }
        }
        let first = try evolved(seed: "21")
        #expect(first.count == 6)
        #expect(try evolved(seed: "21") == first)
        #expect(try evolved(seed: "22") != first)
    }

    @Test func usageErrors() throws {
        let dir = TemporaryDirectory()
        let (db, _) = try seededDatabase(dir)
        let unknown = runCLI(["evolve", "--db", db, "--backend", "rules", "--strategies", "deepen"])
        #expect(unknown.status == 64 && unknown.stderr.contains("unknown strategy 'deepen'"))
        #expect(runCLI(["evolve", "--db", db, "--strategies", "harder"]).status == 64)
        #expect(runCLI(["evolve", "--db", db, "--backend", "rules", "--complete"]).status == 64)
        #expect(runCLI(["evolve", "--db", db, "--rounds", "0"]).status == 64)
        let badWhere = runCLI(["evolve", "--db", db, "--backend", "rules", "--where", "nonsense_column = 1"])
        #expect(badWhere.status == 64 && badWhere.stderr.contains("no such column"))
        let none = runCLI(["evolve", "--db", db, "--backend", "rules", "--where", "1 = 0"])
        #expect(none.status == 1 && none.stderr.contains("no instructions match"))
    }

    @Test func showAndStatsGiveDepthAndRound() throws {
        let dir = TemporaryDirectory()
        let (db, ids) = try seededDatabase(dir)
        #expect(runCLI(["evolve", "--db", db, "--backend", "rules", "--rounds", "2", "--seed", "5"]).status == 0)
        let show = runCLI(["show", "--db", db, String(ids[0])])
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains(" d1 r1]") && show.stdout.contains(" d2 r2]"), "\(show.stdout)")
        let stats = runCLI(["stats", "--db", db, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let byRound = try #require(object["evolution_by_round"] as? [[String: Any]])
        #expect(byRound.map { $0["round"] as? Int } == [1, 2] && byRound.allSatisfy { $0["evolved"] as? Int == 3 })
    }
}
