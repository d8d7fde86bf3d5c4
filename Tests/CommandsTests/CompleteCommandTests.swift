import Commands
import Foundation
import Store
import Synchronization
import Testing
import TestSupport

@Suite(.serialized) struct CompleteCommandTests {
    typealias F = LLMCommandFixtures

    static let questions = (0..<10).map { "Question number q\($0) about something" }

    @Test func faultMatrixEndsInTheLedger() throws {
        let seen = Mutex<Set<String>>([])
        let server = try ScriptedLLMServer { request in
            let text = request.userText
            let firstTime = seen.withLock { $0.insert(text).inserted }
            switch true {
            case text.contains("q1 "): return firstTime ? .rateLimited(retryAfter: "0") : .echo
            case text.contains("q2 "): return .status(400, message: "prompt rejected by policy")
            case text.contains("q3 "): return .truncatedJSON
            case text.contains("q4 "): return .noChoices
            case text.contains("q5 "): return .completion("cut", finishReason: "length", includeUsage: false)
            case text.contains("q6 "): return .status(503, message: "overloaded")
            case text.contains("q7 "): return firstTime ? .dropConnection : .echo
            case text.contains("q8 "): return firstTime ? .hang : .echo
            default: return .echo
            }
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: Self.questions, origin: .imported)
        let result = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--concurrency", "4",
                            "--max-retries", "1", "--timeout", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let calls = try F.query(db, "SELECT c.*, substr(json_extract(c.request, '$.messages[0].content'), 1, 20) AS q FROM llm_calls c ORDER BY id")
        // One ledger row per question: nothing lost, nothing duplicated.
        #expect(calls.count == 10)
        #expect(Set(calls.map { $0.string("q") }).count == 10)
        func call(_ n: Int) -> Row? { calls.first { $0.string("q").hasPrefix("Question number q\(n) ") } }
        #expect(call(0)?.string("status") == "succeeded")
        #expect(call(0)?.int("attempts") == 1)
        #expect(call(2)?.string("status") == "failed")
        #expect(call(2)?.int("http_status") == 400)
        #expect(call(2)?.int("attempts") == 1)
        #expect(call(2)?.string("error").contains("prompt rejected by policy") == true)
        #expect(call(3)?.string("status") == "failed")
        #expect(call(3)?.string("error").contains("unusable response") == true)
        #expect(call(4)?.string("error").contains("no choices") == true)
        #expect(call(5)?.string("status") == "succeeded")
        #expect(call(5)?.string("finish_reason") == "length")
        #expect(call(5)?.int("usage_estimated") == 1)
        #expect(call(6)?.string("status") == "failed")
        #expect(call(6)?.int("attempts") == 2)
        #expect(call(6)?.int("http_status") == 503)
        #expect(call(1)?.string("status") == "succeeded")
        #expect(call(1)?.int("attempts") == 2)
        #expect(call(7)?.string("status") == "succeeded")
        #expect(call(7)?.int("attempts") == 2)
        #expect(call(8)?.string("status") == "succeeded")
        #expect(call(8)?.int("attempts") == 2)
        #expect((call(8)?.int("latency_ms") ?? 0) >= 1000)
        // Completions exist exactly for the succeeded calls, linked to their call.
        let completions = try F.scalar(db, "SELECT count(*) FROM completions")
        let succeeded = calls.filter { $0.string("status") == "succeeded" }.count
        #expect(completions == succeeded)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions c JOIN llm_calls l ON l.id = c.llm_call_id WHERE l.status = 'succeeded'") == succeeded)
        #expect(try F.query(db, "SELECT output FROM completions c JOIN instructions i ON i.id = c.instruction_id WHERE i.instruction LIKE '%q0 %'").first?.string("output") == Self.questions[0])

        // A rerun only asks for what is still missing.
        let before = server.requests.count
        let rerun = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--max-retries", "0"])
        #expect(rerun.status == 0)
        let retried = Set(server.requests[before...].map { String($0.userText.prefix(20)) })
        #expect(retried == Set([2, 3, 4, 6].map { String(Self.questions[$0].prefix(20)) }))
    }

    @Test func progressOnATerminalAndASummaryLineAlways() throws {
        let server = try ScriptedLLMServer(queue: [], fallback: .echo)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: Array(Self.questions.prefix(3)), origin: .imported)
        let out = BufferSink(), err = BufferSink()
        let status = CommandLineTool.run(
            arguments: ["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted"], environment: [:],
            stdout: out, stderr: err, stdoutIsTerminal: true, stderrIsTerminal: true)
        #expect(status == 0)
        #expect(err.text.contains("\r"))
        #expect(err.text.contains("3/3 calls"))
        #expect(out.text.hasPrefix("complete: 3 rows written for 3 instructions; 3 calls (0 failed, 0 cached)"))
        let quiet = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--n", "2"])
        #expect(quiet.stderr.isEmpty)
        #expect(quiet.stdout.hasPrefix("complete: 3 rows written"))
    }

    @Test func cacheAnswersRepeatsAndNoCacheForcesCalls() throws {
        let server = try ScriptedLLMServer(queue: [], fallback: .echo)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: Array(Self.questions.prefix(4)), origin: .imported)
        let base = ["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted"]
        #expect(F.run(base).status == 0)
        #expect(server.requests.count == 4)
        let wipe = try Database(path: db)
        try wipe.execute("DELETE FROM completions")
        let cached = F.run(base + ["--json"])
        #expect(cached.status == 0)
        #expect(server.requests.count == 4, "cache hits must not reach the server")
        #expect(cached.stdout.contains(#""cached":4"#))
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 4)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls") == 4)
        try wipe.execute("DELETE FROM completions")
        #expect(F.run(base + ["--no-cache"]).status == 0)
        #expect(server.requests.count == 8)
    }

    @Test func severalSamplesUseDistinctSeeds() throws {
        let server = try ScriptedLLMServer(queue: [], fallback: .echo)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: ["中文问题：解释一下量子纠缠"], origin: .imported)
        let result = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--n", "3", "--seed", "10"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(server.requests.compactMap { $0.json?["seed"] as? Int }) == [10, 11, 12])
        #expect(try F.query(db, "SELECT group_concat(sample_index) AS s FROM (SELECT sample_index FROM completions ORDER BY 1)").first?.string("s") == "0,1,2")
        #expect(F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--n", "3", "--seed", "10"]).status == 0)
        #expect(server.requests.count == 3)
    }

    @Test func theLargestSeedWrapsInsteadOfTrapping() throws {
        let server = try ScriptedLLMServer(queue: [], fallback: .echo)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: ["Name two prime numbers."], origin: .imported)
        let result = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--n", "2",
                            "--seed", "\(Int.max)"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(Set(server.requests.compactMap { $0.json?["seed"] as? Int }) == [Int.max, Int.min])
    }

    @Test func instancesModeClassifiesAndStoresInstances() throws {
        let server = try ScriptedLLMServer { request in
            let text = request.userText
            if text.hasSuffix("Classification task:") {
                return .completion(text.contains("Task: Decide if the number is even or odd.\nClassification") ? "Yes" : "No")
            }
            if text.contains("Task: Decide if the number is even or odd.") && text.hasSuffix("Task: Decide if the number is even or odd.") {
                return .completion("Class label: Even\nInput: 42\nClass label: Odd\nInput: 7")
            }
            if text.hasSuffix("Task: Convert kilometres to miles.") {
                return .completion("Example 1\nInput: 10 km\nOutput: 6.2 miles\nExample 2\nInput: 5 km\nOutput: 3.1 miles")
            }
            return .completion("Input: same\nOutput: one\nInput: same\nOutput: two")
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(
            in: dir, seeds: ["Decide if the number is even or odd.", "Convert kilometres to miles.", "Answer the riddle."],
            origin: .generated)
        let result = F.run(["complete", "--db", db, "--mode", "instances", "--base-url", server.baseURL, "--model", "scripted"])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try F.query(db, "SELECT instruction_id, task_id, input, output, is_classification FROM examples ORDER BY instruction_id")
        let evenOdd = rows.filter { $0.string("input") == "42" || $0.string("input") == "7" }
        #expect(evenOdd.map { $0.string("output") }.sorted() == ["Even", "Odd"])
        #expect(evenOdd.allSatisfy { $0.int("is_classification") == 1 })
        #expect(evenOdd.contains { $0.optionalInt("task_id") == nil } && evenOdd.contains { $0.optionalInt("task_id") == 1 })
        let km = rows.filter { $0.string("output").hasSuffix("miles") }
        #expect(km.count == 2)
        #expect(km.allSatisfy { $0.int("is_classification") == 0 })
        let riddle = try #require(try F.query(db, "SELECT * FROM latest_verdicts WHERE instruction_id = 3").first)
        #expect(riddle.string("filter") == "gen-instances")
        #expect(riddle.int("passed") == 0)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls WHERE purpose = 'self-instruct-classify'") == 3)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls WHERE purpose = 'self-instruct-instances'") == 3)
    }
}
