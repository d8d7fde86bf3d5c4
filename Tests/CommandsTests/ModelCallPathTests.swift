import Commands
import Foundation
import Store
import Testing
import TestSupport

/// The one call path (`ModelCallRunner`) as users see it: every model command prints the same summary shape,
/// and a failure that every request would repeat ends the run at once with the server's message and a hint.
@Suite(.serialized) struct ModelCallPathTests {
    typealias F = LLMCommandFixtures

    /// `--json` of a model command decoded with the one summary type; `command` names the command.
    static func summary(_ stdout: String, command: String) throws -> ModelCallSummary {
        let data = Data(stdout.utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["command"] as? String == command)
        #expect(object["run_id"] is Int)
        return try JSONDecoder().decode(ModelCallSummary.self, from: data)
    }

    @Test func everyModelCommandPrintsTheSameSummaryShape() throws {
        let dir = TemporaryDirectory()

        let generation = try GenerateCommandTests.generationServer()
        defer { generation.stop() }
        let seeds = try F.database(in: dir, seeds: F.englishSeeds)
        let generate = F.run(["generate", "--db", seeds, "--count", "3", "--base-url", generation.baseURL, "--model", "scripted", "--json"])
        #expect(generate.status == 0, "\(generate.stderr)")
        let generated = try Self.summary(generate.stdout, command: "generate")
        #expect(generated.calls == generation.requests.count && generated.calls > 0)
        #expect(generated.stopped == .completed && generated.failed == 0 && generated.promptTokens > 0)
        // runs.options holds what the run used: defaults included, numbers as numbers.
        let options = try #require(try F.query(seeds, """
            SELECT json_extract(options, '$.count') AS count, json_type(options, '$.concurrency') AS ct,
                json_extract(options, '$.concurrency') AS c, json_extract(options, '$.seed_examples') AS s,
                json_extract(options, '$.timeout') AS tt, json_extract(options, '$.base_url') AS url
            FROM runs WHERE command = 'generate'
            """).first)
        #expect(options.int("count") == 3 && options.string("ct") == "integer" && options.int("c") == 8)
        #expect(options.int("s") == 6 && options.double("tt") == 60 && options.string("url") == generation.baseURL)

        let echo = try ScriptedLLMServer(queue: [], fallback: .echo)
        defer { echo.stop() }
        let complete = F.run(["complete", "--db", seeds, "--base-url", echo.baseURL, "--model", "scripted", "--limit", "2", "--json"])
        #expect(complete.status == 0, "\(complete.stderr)")
        let completed = try Self.summary(complete.stdout, command: "complete")
        #expect(completed.calls == 2 && completed.cached == 0 && completed.stopped == .completed)
        // The same requests again are answered by the ledger.
        try Database(path: seeds).execute("DELETE FROM completions")
        let again = try Self.summary(
            F.run(["complete", "--db", seeds, "--base-url", echo.baseURL, "--model", "scripted", "--limit", "2", "--json"]).stdout,
            command: "complete")
        #expect(again.calls == 0 && again.cached == 2 && echo.requests.count == 2)

        let evolveServer = try ScriptedLLMServer(script: EvolveLLMFixtures.script())
        defer { evolveServer.stop() }
        let (evolveDB, _) = try EvolveLLMFixtures.database(dir, [("Describe a lighthouse.", ""), ("Name two rivers.", "")])
        let evolve = try EvolveLLMFixtures.evolve(evolveDB, evolveServer, ["--rounds", "1", "--json"])
        #expect(evolve.status == 0, "\(evolve.stderr)")
        let evolved = try Self.summary(evolve.stdout, command: "evolve")
        #expect(evolved.calls == evolveServer.requests.count && evolved.calls == 6)  // rewrite, gain check, answer × 2

        let judgeServer = try ScriptedLLMServer(script: ScoreJudgeFixtures.script())
        defer { judgeServer.stop() }
        let (scoreDB, _) = try ScoreJudgeFixtures.database(dir)
        let score = try ScoreJudgeFixtures.score(scoreDB, judgeServer, ["--scorer", "judge", "--json"])
        #expect(score.status == 0, "\(score.stderr)")
        let scored = try Self.summary(score.stdout, command: "score")
        #expect(scored.calls == judgeServer.requests.count && scored.calls == 4)

        // Text output ends with the same totals phrase.
        let text = F.run(["complete", "--db", seeds, "--base-url", echo.baseURL, "--model", "scripted", "--limit", "3"])
        #expect(text.stdout.hasPrefix("complete: "), "\(text.stdout)")
        #expect(text.stdout.contains("; 3 calls (0 failed, 0 cached), "), "\(text.stdout)")
    }

    @Test func summaryRefusesAStopReasonOutsideTheVocabulary() throws {
        let json = #"{"calls":1,"cached":0,"failed":0,"prompt_tokens":1,"completion_tokens":1,"cost_usd":0,"stopped":"budget"}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(ModelCallSummary.self, from: Data(json.utf8)) }
        #expect(ModelCallStop.allCases.map(\.rawValue) == ["completed", "max-cost", "interrupted", "no-progress", "failed", "batch-pending"])
    }

    /// Before the fix, `generate --count 10` against a 512-token server sent 15 requests, round after round.
    @Test func contextLengthErrorStopsTheRunAtOnceWithAHint() throws {
        let server = try ScriptedLLMServer { _ in
            .status(400, message: "This model's maximum context length is 512 tokens. However, you requested 1306 tokens.")
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let result = F.run(["generate", "--db", db, "--count", "10", "--base-url", server.baseURL, "--model", "scripted",
                            "--concurrency", "2", "--json"])
        #expect(result.status == 1)
        #expect(server.requests.count <= 2, "only the calls already in flight may finish")
        #expect(result.stderr.contains("maximum context length is 512 tokens"), "\(result.stderr)")
        #expect(result.stderr.contains("lower --max-tokens"), "\(result.stderr)")
        #expect(try Self.summary(result.stdout, command: "generate").stopped == .failed)
        let run = try #require(try F.query(db, "SELECT status, error FROM runs WHERE command = 'generate'").first)
        #expect(run.string("status") == "failed" && run.string("error").contains("512"))
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls WHERE http_status = 400") == server.requests.count)
    }

    @Test(arguments: [
        (401, "Incorrect API key provided", "API key"),
        (403, "You are not allowed to sample from this model", "permissions"),
        (404, "The model `gpt-9` does not exist", "check --model"),
    ])
    func everyPromptFailsTheSameWayStopsTheRun(status: Int, message: String, hint: String) throws {
        let server = try ScriptedLLMServer { _ in .status(status, message: message) }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: (0..<6).map { "Question number \($0) about something" }, origin: .imported)
        let result = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--concurrency", "1"])
        #expect(result.status == 1)
        #expect(server.requests.count == 1)
        #expect(result.stderr.contains(message) && result.stderr.contains(hint), "\(result.stderr)")
    }

    @Test func aContentRejectionOfOnePromptDoesNotStopTheOthers() throws {
        let server = try ScriptedLLMServer { request in
            request.userText.contains("number 1 ") ? .status(400, message: "input data may contain inappropriate content") : .echo
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: (0..<4).map { "Question number \($0) about something" }, origin: .imported)
        let result = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--concurrency", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try Self.summary(result.stdout, command: "complete")
        #expect(summary.calls == 4 && summary.failed == 1 && summary.stopped == .completed)
    }

    @Test func generateGivesUpWithNoProgressAfterFiveFruitlessRounds() throws {
        let server = try ScriptedLLMServer { _ in .completion("9. Give three tips for staying healthy.") }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let result = F.run(["generate", "--db", db, "--count", "5", "--base-url", server.baseURL, "--model", "scripted",
                            "--prompts-per-round", "1", "--concurrency", "1", "--json"])
        #expect(result.status == 1)
        #expect(server.requests.count == 5)
        #expect(try Self.summary(result.stdout, command: "generate").stopped == .noProgress)
        #expect(result.stderr.contains("no instruction accepted in 5 rounds in a row"), "\(result.stderr)")
    }
}
