import Foundation
import Store
import Testing
import TestSupport

/// `runs.options.sampling`: the sampling each call type actually sent, defaults included, as numbers — read
/// back from the database and compared with the bodies the scripted server received (issue 8).
@Suite(.serialized) struct SamplingOptionsTests {
    typealias F = LLMCommandFixtures

    /// `runs.options.sampling` of the newest run of `command`, decoded.
    private func sampling(_ db: String, _ command: String) throws -> [String: [String: Any]] {
        let text = try #require(try F.query(db, """
            SELECT json_extract(options, '$.sampling') AS s FROM runs WHERE command = '\(command)' ORDER BY id DESC LIMIT 1
            """).first?.optionalString("s"), "no sampling in runs.options")
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: [String: Any]])
    }

    /// The JSON type SQLite sees at `path` of the newest run's options ("real", "integer", or nil when absent).
    private func type(_ db: String, _ command: String, _ path: String) throws -> String? {
        try F.query(db, "SELECT json_type(options, '\(path)') AS t FROM runs WHERE command = '\(command)' ORDER BY id DESC LIMIT 1")
            .first?.optionalString("t")
    }

    /// The first request body the server received whose JSON has `key` equal to `value` (or any, when nil).
    private func body(_ server: ScriptedLLMServer, where match: (([String: Any]) -> Bool)? = nil) throws -> [String: Any] {
        let bodies = server.requests.compactMap { try? JSONSerialization.jsonObject(with: $0.body) as? [String: Any] }
        return try #require(bodies.first { match?($0) ?? true })
    }

    /// Before: `runs.options` of `generate` without sampling options held no temperature at all.
    @Test func generateRecordsItsDefaults() throws {
        let dir = TemporaryDirectory()
        let server = try GenerateCommandTests.generationServer()
        defer { server.stop() }
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let result = F.run(["generate", "--db", db, "--count", "3", "--base-url", server.baseURL, "--model", "scripted"])
        #expect(result.status == 0, "\(result.stderr)")
        let generate = try #require(try sampling(db, "generate")["generate"])
        #expect(generate["temperature"] as? Double == 0.7 && generate["top_p"] as? Double == 0.5)
        #expect(generate["max_tokens"] as? Int == 1024 && generate["seed"] as? Int == 0)
        #expect(try type(db, "generate", "$.sampling.generate.temperature") == "real")
        #expect(try type(db, "generate", "$.sampling.generate.max_tokens") == "integer")
        let sent = try body(server)
        #expect(sent["temperature"] as? Double == 0.7 && sent["max_tokens"] as? Int == 1024 && sent["top_p"] as? Double == 0.5)
    }

    /// complete's answer sends no temperature or max_tokens by default (the server's apply), so none is recorded;
    /// a given --temperature is recorded as sent.
    @Test func completeRecordsWhatTheAnswerSends() throws {
        let dir = TemporaryDirectory()
        let server = try ScriptedLLMServer(queue: [], fallback: .echo)
        defer { server.stop() }
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let plain = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--limit", "1"])
        #expect(plain.status == 0, "\(plain.stderr)")
        let answer = try #require(try sampling(db, "complete")["answer"])
        #expect(answer["temperature"] == nil && answer["max_tokens"] == nil && answer["seed"] == nil)
        #expect(try body(server)["temperature"] == nil)
        let given = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--limit", "2",
                           "--temperature", "0.3", "--seed", "5"])
        #expect(given.status == 0, "\(given.stderr)")
        let answered = try #require(try sampling(db, "complete")["answer"])
        #expect(answered["temperature"] as? Double == 0.3 && answered["seed"] as? Int == 5)
        #expect(try body(server) { $0["temperature"] as? Double == 0.3 }["seed"] as? Int == 5)
    }

    /// evolve records its three call types with their defaults (the gain check at temperature 0).
    @Test func evolveRecordsEachCallType() throws {
        let dir = TemporaryDirectory()
        let server = try ScriptedLLMServer(script: EvolveLLMFixtures.script())
        defer { server.stop() }
        let (db, _) = try EvolveLLMFixtures.database(dir, [("Describe a lighthouse.", "")])
        let result = try EvolveLLMFixtures.evolve(db, server, ["--rounds", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let recorded = try sampling(db, "evolve")
        #expect(Set(recorded.keys) == ["rewrite", "gain", "answer"])
        #expect(recorded["rewrite"]?["temperature"] as? Double == 0.7 && recorded["rewrite"]?["max_tokens"] as? Int == 1024)
        #expect(recorded["gain"]?["temperature"] as? Double == 0 && recorded["gain"]?["max_tokens"] as? Int == 16)
        #expect(recorded["answer"]?["temperature"] as? Double == 0.7 && recorded["answer"]?["max_tokens"] == nil)
        #expect(try type(db, "evolve", "$.sampling.gain.max_tokens") == "integer")
        #expect(try body(server) { $0["max_tokens"] as? Int == 16 }["temperature"] as? Double == 0)
    }

    /// The judge's defaults (temperature 0, 300 tokens) are recorded as numbers.
    @Test func scoreJudgeRecordsItsDefaults() throws {
        let dir = TemporaryDirectory()
        let server = try ScriptedLLMServer(script: ScoreJudgeFixtures.script())
        defer { server.stop() }
        let (db, _) = try ScoreJudgeFixtures.database(dir)
        let result = try ScoreJudgeFixtures.score(db, server, ["--scorer", "judge"])
        #expect(result.status == 0, "\(result.stderr)")
        let judge = try #require(try sampling(db, "score")["judge"])
        #expect(judge["temperature"] as? Double == 0 && judge["max_tokens"] as? Int == 300 && judge["seed"] == nil)
        #expect(try type(db, "score", "$.sampling.judge.max_tokens") == "integer")
        let sent = try body(server)
        #expect(sent["temperature"] as? Double == 0 && sent["max_tokens"] as? Int == 300 && sent["seed"] == nil)
    }
}
