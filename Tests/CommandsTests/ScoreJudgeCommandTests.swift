import Foundation
import Store
import Testing
import TestSupport

/// `dsbench score --scorer judge|complexity` against the scripted model: what is stored, which prompt each
/// language gets, how unreadable replies are handled, and that a rerun repeats nothing.
@Suite(.serialized) struct ScoreJudgeCommandTests {
    typealias F = ScoreJudgeFixtures

    @Test func judgeStoresScoresRationalesAndLedgerRows() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, ids) = try F.database(dir)

        let result = try F.score(db, server, ["--scorer", "judge"])
        #expect(result.status == 0, "\(result.stderr)")
        // One call per completion; the instruction without an answer is not judged.
        #expect(server.requests.count == 4)
        #expect(result.stdout.contains("judge: scored 3 of 4 completions"), "\(result.stdout)")
        #expect(result.stdout.contains("1 unparseable"), "\(result.stdout)")
        #expect(result.stderr.contains("reply not scored: no score found in the reply"), "\(result.stderr)")

        let rows = try F.query(db, """
            SELECT s.instruction_id, s.completion_id, s.value, s.rationale, s.detail, s.llm_call_id, l.purpose, l.status
            FROM scores s JOIN llm_calls l ON l.id = s.llm_call_id WHERE s.scorer = 'judge' ORDER BY s.instruction_id
            """)
        #expect(rows.count == 3)
        let byInstruction = Dictionary(uniqueKeysWithValues: rows.map { ($0.int64("instruction_id"), $0) })
        let english = try #require(byInstruction[ids[0]])
        #expect(english.double("value") == 7)
        #expect(english.string("rationale") == "Correct and clear")
        #expect(english.optionalInt64("completion_id") != nil)
        #expect(english.string("purpose") == "score-judge" && english.string("status") == "succeeded")
        let chinese = try #require(byInstruction[ids[1]])
        #expect(chinese.double("value") == 8)
        #expect(chinese.string("rationale") == "回答正确，简洁明了")
        let prose = try #require(byInstruction[ids[3]])
        #expect(prose.double("value") == 6 && prose.string("rationale") == "Correct but too brief")
        #expect(byInstruction[ids[2]] == nil)

        let detail = try #require(
            try JSONSerialization.jsonObject(with: Data(chinese.string("detail").utf8)) as? [String: Any])
        #expect(detail["raw_score"] as? Double == 8)
        #expect(detail["template"] as? String == "score-judge@1")
        #expect(detail["model"] as? String == F.model)
        #expect(detail["language"] as? String == "zh")
        #expect(detail["form"] as? String == "json")
        #expect(try F.query(db, "SELECT json_extract(detail, '$.form') AS f FROM scores WHERE instruction_id = ?", [.integer(ids[3])])
            .first?.string("f") == "labelled")

        // Every call is in the ledger, including the one whose reply could not be read.
        #expect(try F.count(db, "SELECT count(*) AS n FROM llm_calls WHERE purpose = 'score-judge' AND status = 'succeeded'") == 4)
        let run = try #require(try F.query(db, "SELECT * FROM runs WHERE command = 'score'").first)
        #expect(run.string("status") == "succeeded")
        #expect(run.string("model") == F.model)
        #expect(run.string("endpoint_host") == "127.0.0.1:\(server.port)")
        #expect(run.string("template") == "score-judge@1")
        #expect(run.int("llm_calls") == 4)
        #expect(run.int("prompt_tokens") > 0 && run.int("completion_tokens") > 0)
        #expect(try F.count(db, "SELECT json_extract(totals, '$.unparseable') AS n FROM runs WHERE command = 'score'") == 1)

        // best_score (which export --min-score reads) now carries the judge's score.
        #expect(try F.query(db, "SELECT best_score FROM examples WHERE instruction_id = ?", [.integer(ids[0])])
            .first?.double("best_score") == 7)
    }

    @Test func chineseInstructionGetsTheChinesePrompt() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, _) = try F.database(dir)
        #expect(try F.score(db, server, ["--scorer", "judge", "--concurrency", "1"]).status == 0)
        let chinese = try #require(server.requests.first { $0.userText.contains("清明节") })
        #expect(chinese.userText.contains("【指令】\n简单介绍一下清明节的由来。"))
        #expect(chinese.userText.contains("【回答】\n清明节源于古代的寒食节和上巳节。"))
        #expect(!chinese.userText.contains("[Instruction]"))
        let english = try #require(server.requests.first { $0.userText.contains("photosynthesis") })
        #expect(english.userText.contains("[Instruction]\nExplain how photosynthesis works."))
        #expect(!english.userText.contains("【指令】"))
        // The input of an Alpaca-style row is shown to the judge.
        let withInput = try #require(server.requests.first { $0.userText.contains("Summarise the paragraph.") })
        #expect(withInput.userText.contains("[Input]\nRemote work grew fast in 2020."))
        // Deterministic sampling, so a rerun is the same request.
        #expect(english.json?["temperature"] as? Double == 0)
    }

    @Test func complexityScoresEachInstructionOnce() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        // An instruction with two answers is still rated once.
        var examples = F.examples
        examples.append(("Prove that there are infinitely many primes.", "", nil))
        let (db, ids) = try F.database(dir, examples)
        try Database(path: db).execute(
            "INSERT INTO completions (instruction_id, output, origin, sample_index, run_id) VALUES (?, 'Another answer.', 'imported', 1, 1)",
            [.integer(ids[0])])

        let result = try F.score(db, server, ["--scorer", "complexity", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.requests.count == ids.count)
        #expect(server.requests.allSatisfy { !F.isJudge($0) })
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["scored"] as? Int == ids.count)
        #expect(summary["template"] as? String == "score-complexity@1")
        #expect(summary["command"] as? String == "score")
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores WHERE scorer = 'complexity' AND completion_id IS NULL") == ids.count)
        #expect(try F.query(db, "SELECT value FROM scores WHERE instruction_id = ?", [.integer(ids[4])]).first?.double("value") == 8)
        #expect(try F.query(db, "SELECT value, rationale FROM scores WHERE instruction_id = ?", [.integer(ids[0])])
            .first.map { "\($0.double("value"))|\($0.string("rationale"))" } == "3.0|A short, familiar task")
        #expect(try F.count(db, "SELECT count(*) AS n FROM llm_calls WHERE purpose = 'score-complexity'") == ids.count)
        let chinese = try #require(server.requests.first { $0.userText.contains("清明节") })
        #expect(chinese.userText.contains("复杂度") && chinese.userText.contains("【指令】"))
    }

    @Test func rerunSendsNothingAndAddsNoScores() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, _) = try F.database(dir)
        #expect(try F.score(db, server, ["--scorer", "judge"]).status == 0)
        let firstRequests = server.requests.count
        let scores = try F.count(db, "SELECT count(*) AS n FROM scores")

        let again = try F.score(db, server, ["--scorer", "judge"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(server.requests.count == firstRequests)
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores") == scores)
        #expect(again.stdout.contains("3 already scored"), "\(again.stdout)")
        // The unreadable reply is answered from the ledger and reported again, not stored.
        #expect(again.stdout.contains("1 unparseable") && again.stdout.contains("1 cached"), "\(again.stdout)")
        #expect(try F.count(db, "SELECT count(*) AS n FROM llm_calls") == firstRequests)

        // --no-cache asks again for what is still unscored (the unreadable reply), and only that.
        let fresh = try F.score(db, server, ["--scorer", "judge", "--no-cache"])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(server.requests.count == firstRequests + 1)
        #expect(server.requests.last?.userText.contains("zzgarbage") == true)
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores") == scores)

        // Another model is another judge: everything is scored again, by new calls.
        let other = try F.score(db, server, ["--scorer", "judge"], model: "scripted-2")
        #expect(other.status == 0, "\(other.stderr)")
        #expect(server.requests.count == firstRequests + 1 + 4)
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores WHERE json_extract(detail, '$.model') = 'scripted-2'") == 3)
    }

    @Test func whereSelectsExamplesAndBadOptionsAreRefused() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, ids) = try F.database(dir)
        let result = try F.score(db, server, ["--scorer", "judge", "--where", "instruction LIKE '%photosynthesis%'"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.requests.count == 1)
        #expect(try F.query(db, "SELECT instruction_id FROM scores").map { $0.int64("instruction_id") } == [ids[0]])

        #expect(try F.score(db, server, ["--scorer", "judge", "--where", "no_such_column = 1"]).status == 64)
        #expect(try F.score(db, server, ["--scorer", "heuristic"]).status == 64)
        #expect(try ProcessResult.run(["score", "--db", db, "--scorer", "judge"], environment: ["OPENAI_BASE_URL": server.baseURL]).status != 0)
        #expect(server.requests.count == 1)
    }

    @Test func multiTurnExampleIsJudgedOnItsWholeConversation() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, _) = try F.database(dir, [])
        let conversation = """
            {"conversations":[{"from":"system","value":"Be brief."},{"from":"human","value":"Who are you?"},\
            {"from":"gpt","value":"I am Vicuna."},{"from":"human","value":"Have a nice day!"},{"from":"gpt","value":"You too!"}]}
            """
        let database = try Database(path: db)
        try database.execute(
            "INSERT INTO instructions (instruction, system, conversation, origin, run_id) VALUES ('Who are you?', 'Be brief.', ?, 'imported', 1)",
            [.text(conversation)])
        try database.execute(
            "INSERT INTO completions (instruction_id, output, origin, run_id) VALUES (?, 'You too!', 'imported', 1)",
            [.integer(database.lastInsertRowID)])

        let result = try F.score(db, server, ["--scorer", "judge"])
        #expect(result.status == 0, "\(result.stderr)")
        let request = try #require(server.requests.first)
        #expect(request.userText.contains("[System prompt]\nBe brief."))
        #expect(request.userText.contains("[Conversation]\nUser: Who are you?\nAssistant: I am Vicuna.\nUser: Have a nice day!\n\n[Response]\nYou too!"))
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores WHERE scorer = 'judge'") == 1)
    }
}
