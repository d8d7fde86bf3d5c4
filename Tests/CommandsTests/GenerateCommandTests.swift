import Commands
import Foundation
import Store
import Testing
import TestSupport

@Suite(.serialized) struct GenerateCommandTests {
    typealias F = LLMCommandFixtures

    /// A server that answers every generation prompt with 4 fresh tasks plus 4 that must be rejected.
    static func generationServer(chinese: Bool = false) throws -> ScriptedLLMServer {
        try ScriptedLLMServer { request in
            let tag = "x\(request.ordinal)y"
            var list = F.distinctTasks(tag: tag, count: 4, chinese: chinese)
            list += chinese
                ? "\n13. 请画一幅关于秋天的画并描述\(tag)。\n14. 好的\n15. 给出三个保持健康的建议。\n16、——破折号开头的任务\(tag)"
                : "\n13. Draw a picture of \(tag) in the snow.\n14. Sort it\n15. Give three tips for staying healthy.\n16. - starts with a dash \(tag)"
            return .completion(list)
        }
    }

    @Test func generatesFiltersAndRecordsEverything() throws {
        let server = try Self.generationServer()
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let result = F.run(["generate", "--db", db, "--count", "10", "--base-url", server.baseURL, "--model", "scripted",
                            "--prompts-per-round", "2", "--concurrency", "2", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((summary["accepted_total"] as? Int ?? 0) >= 10)
        let accepted = try F.scalar(db, """
            SELECT count(*) FROM instructions i WHERE origin = 'generated' AND EXISTS (
              SELECT 1 FROM latest_verdicts v WHERE v.instruction_id = i.id AND v.filter = 'gen-rouge' AND v.passed = 1)
            """)
        #expect(accepted >= 10)
        // Every rejected candidate is stored with a failing verdict naming its filter.
        let failed = try F.query(db, "SELECT filter, count(*) AS n FROM verdicts WHERE passed = 0 GROUP BY filter ORDER BY filter")
        let byFilter = Dictionary(uniqueKeysWithValues: failed.map { ($0.string("filter"), $0.int("n")) })
        #expect(byFilter["gen-blacklist"] ?? 0 >= 1)
        #expect(byFilter["gen-length"] ?? 0 >= 1)
        #expect(byFilter["gen-rouge"] ?? 0 >= 1)
        #expect(byFilter["gen-punctuation"] ?? 0 >= 1)
        // The rouge verdict lists the most similar pool instructions with scores.
        let detail = try #require(try F.query(db, "SELECT detail FROM verdicts WHERE filter = 'gen-rouge' AND passed = 0 LIMIT 1").first)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(detail.string("detail").utf8)) as? [String: Any])
        let similar = try #require(json["most_similar"] as? [[String: Any]])
        #expect(similar.first?["instruction"] as? String == "Give three tips for staying healthy.")
        #expect(similar.first?["score"] as? Double == 1.0)
        // Ledger, provenance and run row.
        let calls = try F.scalar(db, "SELECT count(*) FROM llm_calls WHERE purpose = 'self-instruct-generate' AND status = 'succeeded'")
        #expect(calls == server.requests.count)
        #expect(try F.scalar(db, "SELECT count(*) FROM instructions WHERE origin = 'generated' AND llm_call_id IS NULL") == 0)
        let run = try #require(try F.query(db, "SELECT * FROM runs WHERE command = 'generate'").first)
        #expect(run.string("status") == "succeeded")
        #expect(run.string("model") == "scripted")
        #expect(run.string("endpoint_host") == "127.0.0.1:\(server.port)")
        #expect(run.string("template") == "self-instruct-generate-en@1")
        #expect(run.int("llm_calls") == calls)
        #expect(run.int("prompt_tokens") > 0)
        // The prompt shows 8 examples and asks to continue from 9; seeds differ per prompt.
        let firstPrompt = try #require(server.requests.first).userText
        #expect(firstPrompt.contains("8. "))
        #expect(firstPrompt.contains("continue the numbering from 9"))
        #expect(Set(server.requests.map(\.bodyText)).count == server.requests.count)
    }

    @Test func aReplyWithoutAListIsUnparsedNotEmpty() throws {
        let server = try ScriptedLLMServer { request in
            switch request.ordinal {
            case 0: return .completion("Sorry, I would rather not list tasks today.")
            case 1: return .completion("   ")
            default: return .completion(F.distinctTasks(tag: "u\(request.ordinal)v", count: 4))
            }
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let result = F.run(["generate", "--db", db, "--count", "3", "--base-url", server.baseURL, "--model", "scripted",
                            "--prompts-per-round", "1", "--concurrency", "1", "--tasks-per-prompt", "4", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["unparsed_responses"] as? Int == 1, "\(result.stdout)")
        #expect(summary["empty_responses"] as? Int == 1)
        #expect(try F.scalar(db, "SELECT json_extract(totals, '$.unparsed_responses') FROM runs WHERE command = 'generate'") == 1)
        #expect(try F.scalar(db, "SELECT json_extract(totals, '$.empty_responses') FROM runs WHERE command = 'generate'") == 1)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls WHERE content LIKE 'Sorry, I would rather%'") == 1)
    }

    @Test func interruptedRunResumesWithoutRepeatingRequests() throws {
        let interrupt = InterruptSignal()
        let server = try ScriptedLLMServer { request in
            if request.ordinal == 2 { interrupt.request() }
            return .delayed(0.05, .completion(F.distinctTasks(tag: "r\(request.ordinal)q", count: 3)))
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let arguments = ["generate", "--db", db, "--count", "24", "--base-url", server.baseURL, "--model", "scripted",
                         "--prompts-per-round", "2", "--concurrency", "1", "--tasks-per-prompt", "3"]
        let first = F.run(arguments, interrupt: interrupt)
        #expect(first.status == 130, "\(first.stderr)")
        let afterFirst = server.requests.count
        #expect(afterFirst >= 3 && afterFirst < 8)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls") == afterFirst)
        #expect(try F.query(db, "SELECT status FROM runs WHERE command = 'generate'").first?.string("status") == "interrupted")

        let second = F.run(arguments)
        #expect(second.status == 0, "\(second.stderr)")
        let bodies = server.requests.map(\.bodyText)
        #expect(Set(bodies).count == bodies.count, "a request was sent twice")
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls") == server.requests.count)
        let accepted = try F.scalar(db, "SELECT count(*) FROM instructions i WHERE origin = 'generated' AND NOT EXISTS (SELECT 1 FROM latest_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0)")
        #expect(accepted >= 24)
        #expect(accepted < 24 + 3 * 2)
    }

    @Test func chinesePoolUsesChineseTemplate() throws {
        let server = try Self.generationServer(chinese: true)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.chineseSeeds)
        let result = F.run(["generate", "--db", db, "--count", "4", "--base-url", server.baseURL, "--model", "scripted", "--prompts-per-round", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let prompt = try #require(server.requests.first).userText
        #expect(prompt.contains("新任务（从 9 开始继续编号）"))
        #expect(try F.query(db, "SELECT template FROM runs WHERE command = 'generate'").first?.string("template") == "self-instruct-generate-zh@1")
        let rows = try F.query(db, "SELECT v.filter, v.passed, i.language FROM instructions i JOIN verdicts v ON v.instruction_id = i.id WHERE i.origin = 'generated'")
        #expect(rows.contains { $0.string("filter") == "gen-blacklist" })
        #expect(rows.contains { $0.string("filter") == "gen-length" })
        #expect(rows.contains { $0.string("filter") == "gen-rouge" && $0.int("passed") == 0 })
        #expect(rows.contains { $0.string("filter") == "gen-punctuation" })
        #expect(rows.filter { $0.int("passed") == 1 }.allSatisfy { $0.string("language") == "zh" })
    }

    @Test func dryRunSendsNothingAndWritesNothing() throws {
        let server = try Self.generationServer()
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let result = F.run(["generate", "--db", db, "--count", "40", "--base-url", server.baseURL, "--model", "gpt-4o-mini", "--dry-run", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["calls"] as? Int == 10)
        #expect((summary["cost_usd"] as? Double ?? 0) > 0)
        #expect(server.requests.isEmpty)
        #expect(try F.scalar(db, "SELECT count(*) FROM runs WHERE command = 'generate'") == 0)
    }

    @Test func theLargestSeedWrapsInsteadOfTrapping() throws {
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let result = F.run(["generate", "--db", db, "--count", "40", "--base-url", "http://127.0.0.1:9/v1", "--model", "m",
                            "--seed", "\(Int.max)", "--dry-run", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"calls\":10"))
    }

    @Test func maxCostStopsStartingCalls() throws {
        let server = try Self.generationServer()
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        #expect(F.run(["config", "--db", db, "price", "scripted", "100", "100"]).status == 0)
        // Each call reserves (≈300 prompt + 200 max) tokens × $100/1M ≈ $0.05; $0.12 allows two at a time at most.
        let result = F.run(["generate", "--db", db, "--count", "200", "--base-url", server.baseURL, "--model", "scripted",
                            "--max-tokens", "200", "--max-cost", "0.12", "--concurrency", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["stopped"] as? String == "max-cost")
        let spent = try #require(summary["cost_usd"] as? Double)
        #expect(spent <= 0.12)
        #expect(server.requests.count >= 1 && server.requests.count <= 3)
        let cost = try #require(try F.query(db, "SELECT sum(cost_usd) AS c FROM llm_calls").first?.double("c"))
        #expect(abs(cost - spent) < 1e-9)
    }

    @Test func missingEndpointAndSeedsGiveClearErrors() throws {
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let noEndpoint = F.run(["generate", "--db", db, "--count", "5"])
        #expect(noEndpoint.status == 1)
        #expect(noEndpoint.stderr.contains("OPENAI_API_KEY"))
        #expect(noEndpoint.stderr.contains("localhost:11434"))
        let emptyDir = TemporaryDirectory()
        let empty = try F.database(in: emptyDir, seeds: [])
        let noSeeds = F.run(["generate", "--db", empty, "--count", "5", "--base-url", "http://127.0.0.1:9/v1", "--model", "m"])
        #expect(noSeeds.status == 1)
        #expect(noSeeds.stderr.contains("no seed tasks"))
        #expect(noSeeds.stderr.contains("--as seeds"), "the hint must name import's real option")
        #expect(F.run(["generate", "--db", db]).status == 64)
    }
}
