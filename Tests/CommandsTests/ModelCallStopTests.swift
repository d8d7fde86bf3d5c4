import Commands
import Foundation
import Store
import Testing
import TestSupport

/// How a model run ends when nothing can come of it, found trying dsbench against a real llama.cpp server:
/// a closed port, one over-long prompt among short ones, a budget smaller than one call, prompts whose replies
/// hold no list. Each must end with the truth and the right exit code, and a rerun must be able to progress.
@Suite(.serialized) struct ModelCallStopTests {
    typealias F = LLMCommandFixtures

    /// Before the fix, `complete` against a port nobody listens on recorded every call as failed, printed
    /// "0 rows written … (3 failed)", closed the run `succeeded` and exited 0.
    @Test(arguments: [["complete"], ["score", "--scorer", "complexity"]])
    func aRunWhoseEveryCallFailedIsAFailure(command: [String]) throws {
        let closed = try ScriptedLLMServer(queue: [], fallback: .echo)
        let baseURL = closed.baseURL
        closed.stop()
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: (0..<3).map { "Question number \($0) about something" }, origin: .imported)
        let result = F.run(command + ["--db", db, "--base-url", baseURL, "--model", "scripted", "--max-retries", "0",
                                      "--concurrency", "1", "--json"])
        #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
        let summary = try ModelCallPathTests.summary(result.stdout, command: command[0])
        #expect(summary.calls == 3 && summary.failed == 3 && summary.stopped == .failed)
        #expect(result.stderr.contains("all 3 calls failed; last error: connection error"), "\(result.stderr)")
        let run = try #require(try F.query(db, "SELECT status FROM runs WHERE command = '\(command[0])'").first)
        #expect(run.string("status") == "failed")
    }

    /// Before the fix, one seed too long for the model's context stopped `evolve` (and any command) on its
    /// first call, and every rerun stopped on it again: the run could never get past that one prompt.
    @Test func anOverlongPromptAmongShortOnesFailsAloneAndTheOthersAreSent() throws {
        let server = try ScriptedLLMServer { request in
            request.userText.contains("LONG")
                ? .status(400, message: "This model's maximum context length is 4096 tokens. However, you requested 6104 tokens.")
                : .echo
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let long = "LONG " + String(repeating: "background detail ", count: 2000)
        let db = try F.database(in: dir, seeds: [long, "Question number 1 about something", "Question number 2 about something"],
                                origin: .imported)
        let result = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--concurrency", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try ModelCallPathTests.summary(result.stdout, command: "complete")
        #expect(summary.calls == 3 && summary.failed == 1 && summary.stopped == .completed)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 2)
    }

    /// Before the fix, a `--max-cost` below the worst case of one call sent nothing, exited 0 and said
    /// "stopped early (max-cost); rerun to continue" — and every rerun did the same.
    @Test func aBudgetBelowOneCallSaysSoAndFails() throws {
        let server = try ScriptedLLMServer(queue: [], fallback: .echo)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: (0..<3).map { "Question number \($0) about something" }, origin: .imported)
        #expect(F.run(["config", "--db", db, "price", "scripted", "1000", "1000"]).status == 0)
        let result = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--max-tokens", "100",
                            "--max-cost", "0.01", "--json"])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(server.requests.isEmpty)
        #expect(try ModelCallPathTests.summary(result.stdout, command: "complete").stopped == .failed)
        #expect(result.stderr.contains("--max-cost $0.0100 is below the worst case of a single call"), "\(result.stderr)")
        #expect(result.stderr.contains("raise --max-cost or lower --max-tokens"), "\(result.stderr)")
    }

    /// The text summary keeps README's order: totals, wall time, then why it stopped early. Before the fix the
    /// seconds came after "rerun to continue".
    @Test func theStopReasonClosesTheTextSummary() throws {
        let server = try ScriptedLLMServer(queue: [], fallback: .echo)
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: (0..<30).map { "Question number \($0) about something" }, origin: .imported)
        #expect(F.run(["config", "--db", db, "price", "scripted", "1000", "1000"]).status == 0)
        // Each call reserves (≈20 prompt + 100 max) tokens × $1000/1M ≈ $0.12 and spends ≈ $0.025 (the echo is
        // short): $0.3 lets about ten through, never thirty.
        let result = F.run(["complete", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--max-tokens", "100",
                            "--max-cost", "0.3", "--concurrency", "1"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(line.hasSuffix(" s; stopped early (max-cost); rerun to continue"), "\(line)")
    }

    /// Before the fix, replies without any numbered list ended generate with "last error: all candidates were
    /// filtered out", although no candidate was ever read.
    @Test func generateNoProgressSaysWhatTheRepliesCameTo() throws {
        let server = try ScriptedLLMServer { _ in .completion("resultis userx2 are step(is why | H jm test") }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let result = F.run(["generate", "--db", db, "--count", "5", "--base-url", server.baseURL, "--model", "scripted",
                            "--prompts-per-round", "1", "--concurrency", "1"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("filtered out"), "\(result.stderr)")
        #expect(result.stderr.contains("5 replies had no numbered list to read"), "\(result.stderr)")
    }
}
