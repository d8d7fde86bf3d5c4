import Foundation
import Store
import Testing
import TestSupport

/// An interrupted `dsbench evolve --backend llm` (budget reached, or Ctrl-C) resumed by rerunning the same
/// command: no finished call is sent again, and the result equals an uninterrupted run.
@Suite(.serialized) struct EvolveLLMResumeTests {
    typealias F = EvolveLLMFixtures

    static let seeds: [(String, String)] = [
        ("Explain how photosynthesis works.", ""), ("Give three tips for learning a language.", ""),
        ("Summarise the paragraph.", "Remote work grew fast in 2020."), ("简单介绍一下清明节的由来。", ""),
        ("Describe how a bicycle gear works.", ""), ("写一首关于秋天的短诗。", ""),
    ]

    /// (depth, strategy, instruction, input) of every evolved row, for comparing two databases.
    func evolvedRows(_ db: String) throws -> [String] {
        try F.query(db, "SELECT depth, strategy, instruction, input FROM instructions WHERE origin = 'evolved'")
            .map { "\($0.int("depth"))|\($0.string("strategy"))|\($0.string("instruction"))|\($0.string("input"))" }.sorted()
    }

    @Test func budgetStopThenRerunRepeatsNoCall() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, _) = try F.database(dir, Self.seeds)
        // A price high enough that a few dollars buy only a few calls.
        try Database(path: db).execute(
            "INSERT INTO settings (key, value) VALUES ('prices', ?)",
            [.text("{\"\(F.model)\": {\"input_per_1m\": 1000, \"output_per_1m\": 1000}}")])
        let arguments = ["--rounds", "2", "--seed", "11", "--strategies", "constraints,deepen,reasoning"]

        let stopped = try F.evolve(db, server, arguments + ["--max-cost", "2", "--concurrency", "1"])
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stdout.contains("stopped early (max-cost)"), "\(stopped.stdout)")
        #expect(try F.count(db, "SELECT count(*) AS n FROM instructions WHERE origin = 'evolved'") < 12)
        let firstRequests = server.requests
        #expect(!firstRequests.isEmpty)
        let firstRun = try #require(try F.query(db, "SELECT * FROM runs WHERE command = 'evolve'").first)
        #expect(firstRun.double("cost_usd") <= 2.0 && firstRun.double("cost_usd") > 0)
        #expect(firstRun.int("llm_calls") == firstRequests.count)

        let resumed = try F.evolve(db, server, arguments)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        #expect(resumed.stdout.contains("round 2"), "\(resumed.stdout)")
        let secondRequests = Array(server.requests.dropFirst(firstRequests.count))
        #expect(!secondRequests.isEmpty)
        #expect(F.bodies(secondRequests).isDisjoint(with: F.bodies(firstRequests)))
        // One ledger row per distinct request over both runs.
        #expect(try F.count(db, "SELECT count(*) - count(DISTINCT request_hash) AS n FROM llm_calls") == 0)
        #expect(try F.count(db, "SELECT count(*) AS n FROM llm_calls") == server.requests.count)

        // The same rows as one uninterrupted run.
        let (fresh, _) = try F.database(dir, Self.seeds, name: "fresh.db")
        #expect(try F.evolve(fresh, server, arguments).status == 0)
        let resumedRows = try evolvedRows(db), freshRows = try evolvedRows(fresh)
        #expect(resumedRows == freshRows, "\(Set(resumedRows).symmetricDifference(freshRows).sorted())")
        #expect(try evolvedRows(db).count == 12)
    }

    @Test func interruptSignalThenRerunRepeatsNoCall() throws {
        let base = F.script()
        let server = try ScriptedLLMServer { request in .delayed(0.15, base(request)) }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, _) = try F.database(dir, Self.seeds)
        let arguments = ["evolve", "--db", db, "--model", F.model, "--rounds", "2", "--seed", "5", "--concurrency", "2"]

        let status = try ProcessResult.interrupt(arguments, environment: ["OPENAI_BASE_URL": server.baseURL]) {
            server.requests.count >= 4
        }
        #expect(status == 130)
        let run = try #require(try F.query(db, "SELECT * FROM runs WHERE command = 'evolve'").first)
        #expect(run.string("status") == "interrupted")
        let firstRequests = server.requests
        // Calls in flight at the signal were finished and recorded, none lost.
        #expect(try F.count(db, "SELECT count(*) AS n FROM llm_calls") == firstRequests.count)

        let resumed = try ProcessResult.run(arguments, environment: ["OPENAI_BASE_URL": server.baseURL])
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let secondRequests = Array(server.requests.dropFirst(firstRequests.count))
        #expect(F.bodies(secondRequests).isDisjoint(with: F.bodies(firstRequests)))
        #expect(try F.count(db, "SELECT count(*) AS n FROM instructions WHERE origin = 'evolved'") == 12)
        let runs = try F.query(db, "SELECT status FROM runs WHERE command = 'evolve' ORDER BY id").map { $0.string("status") }
        #expect(runs == ["interrupted", "succeeded"])
    }
}
