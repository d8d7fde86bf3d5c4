import Foundation
import Store
import Testing
import TestSupport

/// Faults, budget and dry run of `dsbench score --scorer judge`.
@Suite(.serialized) struct ScoreJudgeFaultTests {
    typealias F = ScoreJudgeFixtures

    static let flaky: [F.Example] = [
        ("Explain how photosynthesis works.", "", "zzflaky Plants make sugar from light."),
        ("Describe how a bicycle gear works.", "", "Gears trade force for speed."),
    ]

    @Test func serverErrorThenSuccessIsRetriedAndRecorded() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, ids) = try F.database(dir, Self.flaky)
        let result = try F.score(db, server, ["--scorer", "judge"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.requests.count == 3)
        let call = try #require(try F.query(db, """
            SELECT l.attempts, l.status, l.http_status FROM scores s JOIN llm_calls l ON l.id = s.llm_call_id
            WHERE s.instruction_id = ?
            """, [.integer(ids[0])]).first)
        #expect(call.int("attempts") == 2)
        #expect(call.string("status") == "succeeded")
        #expect(call.int("http_status") == 200)
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores") == 2)
    }

    @Test func failedCallIsCountedThenRetriedByTheNextRun() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, ids) = try F.database(dir, Self.flaky)
        let failed = try F.score(db, server, ["--scorer", "judge", "--max-retries", "0"])
        #expect(failed.status == 0, "\(failed.stderr)")
        #expect(failed.stdout.contains("(1 failed, 0 cached)"), "\(failed.stdout)")
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores") == 1)
        #expect(try F.count(db, "SELECT count(*) AS n FROM llm_calls WHERE status = 'failed' AND http_status = 500") == 1)

        let rerun = try F.score(db, server, ["--scorer", "judge", "--max-retries", "0"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(server.requests.count == 3)
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores WHERE instruction_id = ?", [.integer(ids[0])]) == 1)
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores") == 2)
    }

    @Test func dryRunSendsAndWritesNothing() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, _) = try F.database(dir)
        try F.setPrice(db, perMillion: 2)
        let dry = try F.score(db, server, ["--scorer", "judge", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(dry.stdout.contains("dry run: judge: 4 completions to score, 4 calls"), "\(dry.stdout)")
        #expect(dry.stdout.contains("≤ $"), "\(dry.stdout)")
        #expect(server.requests.isEmpty)
        #expect(try F.count(db, "SELECT count(*) AS n FROM runs WHERE command = 'score'") == 0)
        #expect(try F.count(db, "SELECT count(*) AS n FROM llm_calls") == 0)

        // After a real run, the dry run knows what is scored and what the ledger would answer.
        #expect(try F.score(db, server, ["--scorer", "judge"]).status == 0)
        let sent = server.requests.count
        let json = try F.score(db, server, ["--scorer", "judge", "--dry-run", "--json"])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(summary["already_scored"] as? Int == 3)
        #expect(summary["to_score"] as? Int == 1)
        #expect(summary["calls"] as? Int == 0)
        #expect(summary["cached"] as? Int == 1)
        #expect(server.requests.count == sent)
    }

    @Test func maxCostStopsAndRerunContinues() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let examples: [F.Example] = (1...8).map { ("Explain topic number \($0) in two sentences.", "", "Answer \($0) is short and clear.") }
        let (db, _) = try F.database(dir, examples)
        // A price at which each call reserves about $0.3 (max_tokens 300 at $1000 per million).
        try F.setPrice(db, perMillion: 1000)

        let stopped = try F.score(db, server, ["--scorer", "judge", "--max-cost", "1", "--concurrency", "1"])
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stdout.contains("stopped early (max-cost)"), "\(stopped.stdout)")
        let firstRequests = server.requests
        #expect(!firstRequests.isEmpty && firstRequests.count < 8)
        let run = try #require(try F.query(db, "SELECT * FROM runs WHERE command = 'score'").first)
        #expect(run.double("cost_usd") > 0 && run.double("cost_usd") <= 1)
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores") == firstRequests.count)

        let resumed = try F.score(db, server, ["--scorer", "judge"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let secondRequests = server.requests.dropFirst(firstRequests.count)
        #expect(secondRequests.count == 8 - firstRequests.count)
        #expect(Set(secondRequests.map(\.bodyText)).isDisjoint(with: Set(firstRequests.map(\.bodyText))))
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores") == 8)
    }

    @Test func interruptStopsThenRerunRepeatsNoCall() throws {
        let base = F.script()
        let server = try ScriptedLLMServer { request in .delayed(0.15, base(request)) }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let examples: [F.Example] = (1...12).map { ("Explain topic number \($0) in two sentences.", "", "Answer \($0).") }
        let (db, _) = try F.database(dir, examples)

        let status = try ProcessResult.interrupt(
            ["score", "--db", db, "--model", F.model, "--scorer", "judge", "--concurrency", "2"],
            environment: ["OPENAI_BASE_URL": server.baseURL]
        ) { server.requests.count >= 3 }
        #expect(status == 130)
        #expect(try F.query(db, "SELECT status FROM runs WHERE command = 'score'").first?.string("status") == "interrupted")
        let firstRequests = server.requests
        #expect(firstRequests.count < 12)
        // Calls in flight at the signal were finished and recorded with their scores.
        #expect(try F.count(db, "SELECT count(*) AS n FROM llm_calls") == firstRequests.count)
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores") == firstRequests.count)

        let resumed = try F.score(db, server, ["--scorer", "judge"])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let secondRequests = server.requests.dropFirst(firstRequests.count)
        #expect(Set(secondRequests.map(\.bodyText)).isDisjoint(with: Set(firstRequests.map(\.bodyText))))
        #expect(try F.count(db, "SELECT count(*) AS n FROM scores") == 12)
    }
}
