import Commands
import LLM
import Foundation
import Store
import Synchronization
import Testing
import TestSupport

/// `--batch` on a model command against the scripted Batch API: submit, wait or return, collect, rerun,
/// crash and rerun — every request submitted once and every result written once, at the batch price.
@Suite(.serialized) struct BatchCommandTests {
    typealias F = LLMCommandFixtures

    static let questions = (0..<10).map { "Batch question \($0): 解释数字 \($0)" }

    /// A server answering the Batch API from `service` and live chat calls by echo.
    static func server(_ service: ScriptedBatchService, createDelay: Double = 0) throws -> ScriptedLLMServer {
        try ScriptedLLMServer { request in
            guard let reply = service.reply(to: request) else { return .echo }
            if createDelay > 0, request.method == "POST", request.path == "/v1/batches" { return .delayed(createDelay, reply) }
            return reply
        }
    }

    func setUp(_ dir: TemporaryDirectory, questions: [String] = questions) throws -> String {
        let db = try F.database(in: dir, seeds: questions, origin: .imported)
        #expect(F.run(["config", "price", "scripted", "2", "4", "--db", db]).status == 0)
        return db
    }

    func complete(_ db: String, _ server: ScriptedLLMServer, _ extra: [String]) -> CLIResult {
        F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--batch", "--batch-poll", "0.01", "--json"] + extra)
    }

    func liveChatCalls(_ server: ScriptedLLMServer) -> Int {
        server.requests.filter { $0.path.hasSuffix("/chat/completions") }.count
    }

    @Test func waitsCollectsEveryAnswerOnceAtTheBatchPriceAndRetriesAFailedLineLive() throws {
        let service = ScriptedBatchService { _, body in
            let text = ScriptedBatchService.lastUserText(body)
            return text.hasPrefix("Batch question 3:") ? .failure(status: 500, message: "worker crashed") : .answer("答：" + text)
        }
        let server = try Self.server(service)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try setUp(dir)
        let result = complete(db, server, [])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(summary?["stopped"] as? String == "completed")
        #expect(service.batches.count == 1 && service.uploads == 1)
        #expect(service.batches[0].total == 10)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 10)
        #expect(try F.scalar(db, "SELECT count(DISTINCT instruction_id) FROM completions") == 10)
        // Nine answered in the batch, one failed there and was answered live.
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls WHERE batch_id IS NOT NULL AND status = 'succeeded'") == 9)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls WHERE batch_id IS NOT NULL AND status = 'failed'") == 1)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls WHERE batch_id IS NULL AND status = 'succeeded'") == 1)
        #expect(liveChatCalls(server) == 1)
        let answer = try F.query(db, "SELECT output FROM completions c JOIN instructions i ON i.id = c.instruction_id WHERE i.instruction LIKE 'Batch question 5:%'")
        #expect(answer.first?.string("output") == "答：Batch question 5: 解释数字 5")
        // Batch rows cost half the list price: prompt 10 tokens at $2/M, completion at $4/M, halved.
        let rows = try F.query(db, "SELECT prompt_tokens, completion_tokens, cost_usd FROM llm_calls WHERE batch_id IS NOT NULL AND status = 'succeeded'")
        for row in rows {
            let full = (Double(row.int("prompt_tokens")) * 2 + Double(row.int("completion_tokens")) * 4) / 1_000_000
            #expect(abs(row.double("cost_usd") - full / 2) < 1e-12)
        }
        let batch = try F.query(db, "SELECT * FROM batches")
        #expect(batch.count == 1)
        #expect(batch.first?.string("state") == "completed")
        #expect(batch.first?.string("provider_batch_id") == "batch_1")
        #expect(batch.first?.string("input_file_id") == "file-1")
        #expect(batch.first?.optionalString("collected_at") != nil)
        // A rerun has nothing to do: everything is in the ledger.
        let again = complete(db, server, [])
        #expect(again.status == 0)
        #expect(service.batches.count == 1 && liveChatCalls(server) == 1)
        // --no-cache asks again, in a new batch, and completes (before the fix it waited on nothing).
        try Database(path: db).execute("DELETE FROM completions")
        let fresh = complete(db, server, ["--no-cache"])
        #expect(fresh.status == 0, "\(fresh.stderr)")
        #expect(fresh.stdout.contains(#""stopped":"completed""#), "\(fresh.stdout)")
        #expect(service.batches.count == 2 && service.batches[1].total == 10)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 10)
    }

    @Test func noWaitReturnsAndARerunCollectsWithoutSubmittingAgain() throws {
        let service = ScriptedBatchService()
        let server = try Self.server(service)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try setUp(dir)
        let first = complete(db, server, ["--no-wait"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(#""stopped":"batch-pending""#))
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 0)
        #expect(try F.scalar(db, "SELECT count(*) FROM batch_requests") == 10)
        // status refreshes from the provider and lists the batch.
        let status = F.run(["batch", "status", "--json", "--db", db])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains(#""batch_id":"batch_1""#))
        #expect(status.stdout.contains(#""state":"in_progress""#))
        // Rerunning the command waits, collects and continues; nothing is submitted twice.
        let second = complete(db, server, [])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(service.batches.count == 1 && service.uploads == 1)
        #expect(liveChatCalls(server) == 0)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 10)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls") == 10)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls WHERE batch_id = 1") == 10)
    }

    @Test func batchCollectWritesTheLedgerSoTheCommandAnswersFromIt() throws {
        let service = ScriptedBatchService()
        let server = try Self.server(service)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try setUp(dir)
        #expect(complete(db, server, ["--no-wait"]).status == 0)
        #expect(F.run(["batch", "collect", "--db", db]).stdout.contains("0 llm_calls rows"))  // validating → in_progress
        let collected = F.run(["batch", "collect", "--db", db, "--json"])  // in_progress → completed: collected
        #expect(collected.stdout.contains(#""collected_calls":10"#), "\(collected.stdout) \(collected.stderr)")
        let rerun = complete(db, server, [])
        #expect(rerun.status == 0)
        #expect(rerun.stdout.contains(#""cached":10"#))
        #expect(service.batches.count == 1 && liveChatCalls(server) == 0)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 10)
    }

    @Test func commandKilledWhileCreatingTheBatchIsAdoptedNotResubmitted() throws {
        let service = ScriptedBatchService()
        let server = try Self.server(service, createDelay: 2)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try setUp(dir)
        // SIGKILL once the provider has created the batch but before dsbench has heard back.
        let status = try ProcessResult.interrupt(
            ["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--batch", "--batch-poll", "0.01"],
            signal: SIGKILL, when: { service.batches.count == 1 })
        #expect(status != 0)
        let local = try F.query(db, "SELECT state, provider_batch_id, input_file_id FROM batches")
        #expect(local.count == 1)
        #expect(local.first?.string("state") == "preparing")
        #expect(local.first?.optionalString("provider_batch_id") == nil)
        #expect(local.first?.string("input_file_id") == "file-1")
        let rerun = complete(db, server, [])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(service.batches.count == 1)  // found by its metadata key, not created again
        #expect(service.uploads == 1)
        #expect(liveChatCalls(server) == 0)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 10)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls") == 10)
    }

    @Test func expiredLinesGoIntoOneNewBatchWithBatchRetry() throws {
        let service = ScriptedBatchService(expireAfter: 6)
        let server = try Self.server(service)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try setUp(dir)
        let result = complete(db, server, ["--batch-retry", "batch"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(service.batches.count == 2)
        #expect(service.batches[1].total == 4)  // only the expired lines
        #expect(liveChatCalls(server) == 0)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 10)
        let expired = try F.query(db, "SELECT error, cost_usd FROM llm_calls WHERE status = 'failed'")
        #expect(expired.count == 4)
        #expect(expired.allSatisfy { $0.string("error").contains("batch_expired") && $0.optionalDouble("cost_usd") == nil })
        let counters = try F.query(db, "SELECT json_extract(totals, '$.batch_expired_lines') AS n FROM runs WHERE command = 'complete'")
        #expect(counters.first?.int("n") == 4)
    }

    @Test func batchFailingValidationAfterCreationHasItsRequestsSentLive() throws {
        let service = ScriptedBatchService(validationError: "Enqueued token limit reached for scripted")
        let server = try Self.server(service)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try setUp(dir, questions: Array(Self.questions.prefix(4)))
        let result = complete(db, server, [])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(service.batches.count == 1 && service.batches[0].state == "failed")
        #expect(liveChatCalls(server) == 4)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 4)
        let failed = try F.query(db, "SELECT error FROM llm_calls WHERE batch_id IS NOT NULL")
        #expect(failed.count == 4)
        #expect(failed.allSatisfy { $0.string("error").contains("Enqueued token limit reached") })
        #expect(try F.query(db, "SELECT errors FROM batches").first?.string("errors").contains("token limit") == true)
    }

    @Test func dryRunShowsTheBatchPrice() throws {
        let dir = TemporaryDirectory()
        let db = try setUp(dir)
        func cost(_ extra: [String]) throws -> Double {
            let result = F.run(["complete", "--db", db, "--base-url", "http://127.0.0.1:9/v1", "--model", "scripted",
                                "--max-tokens", "100", "--dry-run", "--json"] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
            return object?["cost_usd"] as? Double ?? -1
        }
        let live = try cost([])
        let batch = try cost(["--batch"])
        #expect(live > 0)
        #expect(abs(batch - live / 2) < 1e-12)
        #expect(F.run(["config", "price", "scripted", "2", "4", "--batch-discount", "25", "--db", db]).status == 0)
        #expect(abs(try cost(["--batch"]) - live * 0.75) < 1e-12)
        let text = F.run(["complete", "--db", db, "--base-url", "http://127.0.0.1:9/v1", "--model", "scripted", "--dry-run", "--batch"])
        #expect(text.stdout.contains("at the batch price"))
    }

    @Test func cancelAsksTheProviderAndTheRerunSendsTheCancelledCallsLive() throws {
        let service = ScriptedBatchService()
        let server = try Self.server(service)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try setUp(dir, questions: Array(Self.questions.prefix(3)))
        #expect(complete(db, server, ["--no-wait"]).status == 0)
        let cancel = F.run(["batch", "cancel", "batch_1", "--db", db])
        #expect(cancel.status == 0, "\(cancel.stderr)")
        #expect(cancel.stdout.contains("cancelling"))
        let rerun = complete(db, server, [])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(service.batches.count == 1)
        #expect(liveChatCalls(server) == 3)  // --batch-retry live (the default)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 3)
        #expect(F.run(["batch", "cancel", "nope", "--db", db]).status == 1)
    }
}

/// `score` and `evolve` take `--batch` too (through the same call path): the results equal a live run's.
@Suite(.serialized) struct BatchOtherCommandsTests {
    @Test func judgeScoresThroughABatchAsThroughLiveCalls() throws {
        typealias J = ScoreJudgeFixtures
        let service = ScriptedBatchService(script: J.script())
        let server = try BatchCommandTests.server(service)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, _) = try J.database(dir)
        let result = try J.score(db, server, ["--scorer", "judge", "--batch", "--batch-poll", "0.01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("judge: scored 3 of 4 completions"), "\(result.stdout)")
        #expect(service.batches.count == 1 && service.batches[0].total == 4)
        #expect(server.requests.filter { $0.path.hasSuffix("/chat/completions") }.isEmpty)
        let scores = try J.query(db, "SELECT s.value FROM scores s JOIN llm_calls l ON l.id = s.llm_call_id WHERE l.batch_id = 1 ORDER BY s.value")
        #expect(scores.map { $0.double("value") } == [6, 7, 8])
    }
}

extension BatchOtherCommandsTests {
    @Test func evolveSendsEachStageOfEachRoundAsABatch() throws {
        typealias E = EvolveLLMFixtures
        let service = ScriptedBatchService(script: E.script())
        let server = try BatchCommandTests.server(service)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, _) = try E.database(dir, [("Explain how photosynthesis works.", ""), ("简单介绍一下清明节的由来。", "")])
        let result = try E.evolve(db, server, ["--rounds", "2", "--strategies", "constraints,deepen", "--seed", "4", "--batch", "--batch-poll", "0.01"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("round 1: 2 evolved, 0 eliminated"), "\(result.stdout)")
        #expect(result.stdout.contains("round 2: 2 evolved, 0 eliminated"), "\(result.stdout)")
        #expect(server.requests.filter { $0.path.hasSuffix("/chat/completions") }.isEmpty)
        // Every call of the run came through a batch, and no request was in two batches.
        #expect(try E.count(db, "SELECT count(*) AS n FROM llm_calls WHERE batch_id IS NULL") == 0)
        #expect(try E.count(db, "SELECT count(*) AS n FROM (SELECT request_hash FROM batch_requests GROUP BY request_hash HAVING count(*) > 1)") == 0)
        #expect(service.batches.count >= 4)  // at least rewrites and answers, in each of two rounds
        #expect(try E.count(db, "SELECT count(*) AS n FROM instructions WHERE depth = 2") == 2)
    }
}

extension BatchCommandTests {
    @Test func maxCostHoldsBackWhatTheBudgetCannotCoverAndARerunContinues() throws {
        let service = ScriptedBatchService()
        let server = try Self.server(service)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try setUp(dir)
        // Each request reserves its worst case at the batch price: (~20 prompt tokens × $2 + 100 × $4) / 1M / 2
        // ≈ $0.00022, so $0.001 admits four of the ten.
        let first = complete(db, server, ["--max-tokens", "100", "--max-cost", "0.001"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains(#""stopped":"max-cost""#), "\(first.stdout)")
        #expect(service.batches.count == 1)
        let admitted = service.batches[0].total
        #expect(admitted >= 1 && admitted < 10)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == admitted)
        let rest = complete(db, server, ["--max-tokens", "100"])
        #expect(rest.status == 0, "\(rest.stderr)")
        #expect(service.batches.count == 2 && service.batches[1].total == 10 - admitted)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 10)
        #expect(liveChatCalls(server) == 0)
    }
}

extension BatchOtherCommandsTests {
    @Test func generateRoundsGoThroughBatches() throws {
        typealias F = LLMCommandFixtures
        let counter = Mutex(0)
        let service = ScriptedBatchService { _, _ in
            let n = counter.withLock { $0 += 1; return $0 }
            return .answer(F.distinctTasks(tag: "b\(n)q", count: 4))
        }
        let server = try BatchCommandTests.server(service)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let result = F.run(["generate", "--db", db, "--count", "6", "--base-url", server.baseURL, "--model", "scripted",
                            "--prompts-per-round", "2", "--tasks-per-prompt", "4", "--batch", "--batch-poll", "0.01", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try F.scalar(db, "SELECT count(*) FROM instructions WHERE origin = 'generated'") >= 6)
        #expect(!service.batches.isEmpty)
        #expect(server.requests.filter { $0.path.hasSuffix("/chat/completions") || $0.path.hasSuffix("/v1/completions") }.isEmpty)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls WHERE batch_id IS NULL") == 0)
    }
}

/// `--batch` against servers with no Batch API (llama.cpp answers 404 with an HTML page, Python's
/// http.server 501): one clear line, no raw HTML, the local row closed, and `batch status`/`cancel` still work.
@Suite(.serialized) struct NoBatchAPITests {
    typealias F = LLMCommandFixtures

    static let page = "<!DOCTYPE HTML>\n<html><head><title>Error response</title></head>\n<body><h1>Error response</h1><p>Error code: 501</p></body></html>\n"

    /// A chat server whose Batch API routes (`/v1/files`, `/v1/batches`) answer `status` with an HTML page.
    static func server(status: Int) throws -> ScriptedLLMServer {
        try ScriptedLLMServer { request in
            request.path.hasPrefix("/v1/files") || request.path.hasPrefix("/v1/batches")
                ? .raw(status: status, headers: ["content-type": "text/html"], body: page) : .echo
        }
    }

    @Test(arguments: [404, 405, 501]) func batchAgainstAServerWithoutBatchAPIFailsClearlyAndLeavesNothingStuck(status: Int) throws {
        let server = try Self.server(status: status)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: ["Question one", "Question two"], origin: .imported)
        let result = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--batch", "--no-wait"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("<"), "raw HTML in: \(result.stderr)")
        #expect(result.stderr.contains("no Batch API") && result.stderr.contains("drop --batch"), "\(result.stderr)")
        #expect(result.stderr.contains("HTTP \(status)"), "\(result.stderr)")
        #expect(result.stderr.split(separator: "\n").filter { $0.contains("Batch API") }.count == 1, "\(result.stderr)")
        // The row is kept as history, closed: failed, with the reason, nothing pending.
        let rows = try F.query(db, "SELECT state, errors, collected_at, provider_batch_id FROM batches")
        #expect(rows.count == 1)
        #expect(rows.first?.string("state") == "failed")
        #expect(rows.first?.optionalString("errors")?.contains("no Batch API") == true)
        #expect(rows.first?.optionalString("collected_at") != nil)
        // status works and shows it; a rerun without --batch answers live.
        let listed = F.run(["batch", "status", "--db", db])
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(listed.stdout.contains("failed"), "\(listed.stdout)")
        let live = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted"])
        #expect(live.status == 0, "\(live.stderr)")
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 2)
    }

    /// A row left `preparing` by an older dsbench (the trial's database): status heals it instead of failing
    /// on it, and cancel closes a never-submitted batch locally.
    @Test func statusAndCancelCopeWithARowStuckInPreparing() throws {
        let server = try Self.server(status: 404)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: ["Question one"], origin: .imported)
        // Two failed submissions, put back as an older dsbench left them: preparing, uncollected.
        for _ in 0..<2 {
            #expect(F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--batch", "--no-wait"]).status == 1)
        }
        try Database(path: db).execute("UPDATE batches SET state = 'preparing', errors = NULL, collected_at = NULL")
        let (stuck, other) = (1, 2)
        let cancelled = F.run(["batch", "cancel", String(other), "--db", db])
        #expect(cancelled.status == 0, "\(cancelled.stderr)")
        #expect(cancelled.stdout.contains("cancelled"), "\(cancelled.stdout)")
        #expect(try F.query(db, "SELECT state FROM batches WHERE id = \(other)").first?.string("state") == "cancelled")
        let status = F.run(["batch", "status", "--db", db])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(!status.stderr.contains("<") && !status.stdout.contains("<html"), "\(status.stderr)")
        #expect(try F.query(db, "SELECT state FROM batches WHERE id = \(stuck)").first?.string("state") == "failed")
        #expect(try F.scalar(db, "SELECT count(*) FROM batches WHERE collected_at IS NULL") == 0)
    }

    @Test func errorBodiesAreSummarisedNeverPrintedRaw() {
        #expect(BatchClient.summary(of: Data(Self.page.utf8)) == "non-JSON body (HTML)")
        #expect(BatchClient.summary(of: Data("File Not Found\nmore detail".utf8)) == "non-JSON body: File Not Found")
        #expect(BatchClient.summary(of: Data(#"{"error":{"message":"No such File object: f1"}}"#.utf8)) == "No such File object: f1")
        #expect(BatchClient.summary(of: Data()) == "empty body")
    }
}
