import Commands
import Foundation
import Store
import Testing
import TestSupport

/// `complete` over several endpoints: load spread, a dead server's work answered elsewhere exactly once, the
/// answering endpoint in the ledger, the cache key independent of which server answered, and the
/// `endpoints` setting.
@Suite(.serialized) struct FleetCommandTests {
    typealias F = LLMCommandFixtures

    static let questions = (0..<30).map { "Fleet question \($0): 说说数字 \($0)" }

    @Test func deadServerInTheSetLosesNothingAndDuplicatesNothing() throws {
        let live = try (0..<2).map { _ in try ScriptedLLMServer { _ in .delayed(0.01, .echo) } }
        let dead = try ScriptedLLMServer { _ in .dropConnection }
        defer { (live + [dead]).forEach { $0.stop() } }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: Self.questions, origin: .imported)
        let urls = (live + [dead]).map(\.baseURL).joined(separator: ",")
        let result = F.run(["complete", "--db", db, "--base-url", urls, "--model", "scripted", "--concurrency", "3", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 30)
        #expect(try F.scalar(db, "SELECT count(DISTINCT instruction_id) FROM completions") == 30)
        // One succeeded ledger row per question, each naming a live endpoint; the dead one answered nothing.
        let rows = try F.query(db, "SELECT endpoint_url, endpoint_host, status FROM llm_calls")
        #expect(rows.count == 30)
        #expect(Set(rows.map { $0.string("status") }) == ["succeeded"])
        #expect(Set(rows.map { $0.string("endpoint_url") }) == Set(live.map(\.baseURL)))
        #expect(rows.allSatisfy { $0.string("endpoint_host").hasPrefix("127.0.0.1:") })
        #expect(live.map(\.requests.count).reduce(0, +) == 30)
        #expect(live.allSatisfy { $0.maxInFlight <= 3 })
        let hosts = try F.query(db, "SELECT endpoint_host FROM runs WHERE command = 'complete'")
        #expect(hosts.first?.string("endpoint_host").split(separator: ",").count == 3)
    }

    @Test func anotherSetOfServersForTheSameModelAnswersFromTheLedger() throws {
        let first = try (0..<2).map { _ in try ScriptedLLMServer { _ in .echo } }
        let second = try (0..<2).map { _ in try ScriptedLLMServer { _ in .echo } }
        defer { (first + second).forEach { $0.stop() } }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: Array(Self.questions.prefix(8)), origin: .imported)
        let one = F.run(["complete", "--db", db, "--base-url", first.map(\.baseURL).joined(separator: ","), "--model", "scripted", "--json"])
        #expect(one.status == 0, "\(one.stderr)")
        // Same requests, other servers: the same request answered anywhere counts as done.
        let three = F.run(["complete", "--db", db, "--base-url", second.map(\.baseURL).joined(separator: ","), "--model", "scripted",
                           "--n", "1", "--json"])
        #expect(three.status == 0, "\(three.stderr)")
        #expect(second.map(\.requests.count).reduce(0, +) == 0)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls") == 8)
    }

    @Test func bareModelsOfModelsUseTheWholeBaseURLList() throws {
        let servers = try (0..<2).map { _ in try ScriptedLLMServer { _ in .delayed(0.05, .echo) } }
        defer { servers.forEach { $0.stop() } }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: Array(Self.questions.prefix(12)), origin: .imported)
        let urls = servers.map(\.baseURL).joined(separator: ",")
        let result = F.run(["complete", "--db", db, "--base-url", urls, "--models", "m1,m2", "--concurrency", "4", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        // Before, the comma list was taken as one URL and the run failed; now the models share both servers.
        #expect(servers.allSatisfy { !$0.requests.isEmpty })
        #expect(servers.map(\.requests.count).reduce(0, +) == 24)
        let perModel = try F.query(db, "SELECT model, count(*) AS n FROM llm_calls GROUP BY model ORDER BY model")
        #expect(perModel.map { $0.string("model") } == ["m1", "m2"])
        #expect(perModel.map { $0.int("n") } == [12, 12])
        let run = try F.query(db, "SELECT model, endpoint_host FROM runs WHERE command = 'complete'")
        #expect(run.first?.string("model") == "m1,m2")
        // Both models use the same two servers: each host is named once.
        #expect(run.first?.string("endpoint_host").split(separator: ",").map(String.init)
            == servers.map { URL(string: $0.baseURL)!.host! + ":" + String(URL(string: $0.baseURL)!.port!) })
    }

    @Test func endpointsSettingSpreadsCallsAndNamesItsModelPerEndpoint() throws {
        let a = try ScriptedLLMServer { _ in .echo }
        let b = try ScriptedLLMServer { _ in .echo }
        defer { a.stop(); b.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: Array(Self.questions.prefix(12)), origin: .imported)
        let setting = #"[{"url": "\#(a.baseURL)", "model": "model-a"}, {"url": "\#(b.baseURL)", "model": "model-b", "weight": 2}]"#
        let set = F.run(["config", "endpoints", setting, "--db", db])
        #expect(set.status == 0, "\(set.stderr)")
        let result = F.run(["complete", "--db", db, "--concurrency", "2", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(a.requests.allSatisfy { $0.model == "model-a" } && !a.requests.isEmpty)
        #expect(b.requests.allSatisfy { $0.model == "model-b" } && !b.requests.isEmpty)
        let models = try F.query(db, "SELECT model, count(*) AS n FROM llm_calls GROUP BY model ORDER BY model")
        #expect(models.map { $0.string("model") } == ["model-a", "model-b"])
        #expect(models.map { $0.int("n") }.reduce(0, +) == 12)
        let bad = F.run(["config", "endpoints", #"[{"url": "http://x/v1", "weight": -1}]"#, "--db", db])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("entry 1, field 'weight'"))
    }

    @Test func limitOptionsAreCheckedUpFront() throws {
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: ["q"], origin: .imported)
        for (arguments, message) in [
            (["--rpm", "0"], "--rpm"), (["--tpm", "x"], "--tpm"), (["--no-wait"], "--no-wait applies only with --batch"),
            (["--batch", "--batch-retry", "later"], "--batch-retry expects 'live' or 'batch'"),
            (["--batch", "--no-wait", "--batch-wait"], "contradict"),
        ] {
            let result = F.run(["complete", "--db", db, "--base-url", "http://127.0.0.1:9/v1", "--model", "m"] + arguments)
            #expect(result.status == 64, "\(arguments)")
            #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
        }
        let mixed = F.run(["complete", "--db", db, "--base-url", "http://127.0.0.1:9/v1", "--models", "a,b", "--batch"])
        #expect(mixed.status == 64)
        #expect(mixed.stderr.contains("does not combine with --models"), "\(mixed.stderr)")
    }
}

extension FleetCommandTests {
    @Test func oneEndpointAlsoHonoursRateLimitHeaders() throws {
        let server = try ScriptedLLMServer { request in
            request.ordinal == 0
                ? .raw(status: 200, headers: ["x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "400ms"],
                       body: ScriptedLLMServer.completionBody(text: "first", finishReason: "stop", includeUsage: true, request: request))
                : .echo
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: Array(Self.questions.prefix(2)), origin: .imported)
        let result = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--concurrency", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let requests = server.requests
        #expect(requests.count == 2)
        // The window was used up: the second request waited for its reset.
        #expect(requests[1].receivedAt - requests[0].receivedAt >= .milliseconds(390))
    }
}
