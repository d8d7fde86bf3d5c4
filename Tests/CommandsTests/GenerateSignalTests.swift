import Foundation
import Store
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

/// SIGINT against the real binary: in-flight calls finish and are recorded, the run closes as interrupted,
/// exit code 130, and a rerun reaches the target without sending any request twice.
@Suite(.serialized) struct GenerateSignalTests {
    typealias F = LLMCommandFixtures

    @Test func sigintClosesTheRunAndRerunResumes() throws {
        guard FileManager.default.isExecutableFile(atPath: ProjectPaths.executable) else {
            Issue.record("dsbench binary not built at \(ProjectPaths.executable)")
            return
        }
        let server = try ScriptedLLMServer { request in
            .delayed(0.2, .completion(F.distinctTasks(tag: "s\(request.ordinal)g", count: 2)))
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let arguments = ["generate", "--db", db, "--count", "16", "--base-url", server.baseURL, "--model", "scripted",
                         "--tasks-per-prompt", "2", "--prompts-per-round", "2", "--concurrency", "2"]
        let status = try ProcessResult.interrupt(arguments, timeout: 20) { server.requests.count >= 3 }
        #expect(status == 130)
        let sent = server.requests.count
        #expect(sent < 8, "the run should stop early")
        #expect(try F.query(db, "SELECT status FROM runs WHERE command = 'generate'").first?.string("status") == "interrupted")
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls") == sent, "every sent request is recorded")

        let rerun = try ProcessResult.run(arguments)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        let bodies = server.requests.map(\.bodyText)
        #expect(Set(bodies).count == bodies.count)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls") == server.requests.count)
        #expect(try F.scalar(db, "SELECT count(*) FROM instructions i WHERE origin = 'generated' AND NOT EXISTS (SELECT 1 FROM latest_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0)") >= 16)
    }
}

/// kill -9 leaves the run open; the next writing command notices the dead process and marks it abandoned.
@Suite(.serialized) struct AbandonedRunTests {
    typealias F = LLMCommandFixtures

    @Test func aKilledRunIsMarkedAbandonedByTheNextWriter() throws {
        guard FileManager.default.isExecutableFile(atPath: ProjectPaths.executable) else {
            Issue.record("dsbench binary not built at \(ProjectPaths.executable)")
            return
        }
        let server = try ScriptedLLMServer { _ in .delayed(5, .echo) }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(in: dir, seeds: F.englishSeeds)
        let status = try ProcessResult.interrupt(
            ["generate", "--db", db, "--count", "4", "--base-url", server.baseURL, "--model", "scripted"],
            timeout: 20, signal: SIGKILL) { server.requests.count >= 1 }
        #expect(status == SIGKILL)
        let killed = try #require(try F.query(db, "SELECT id, status, pid, host FROM runs WHERE command = 'generate'").first)
        #expect(killed.string("status") == "running" && killed.optionalInt64("pid") != nil)

        // Any writing command notices it (here: dedup, which has nothing to do with generate).
        #expect(runCLI(["dedup", "--db", db]).status == 0)
        let after = try #require(try F.query(db, "SELECT status, finished_at, error FROM runs WHERE id = \(killed.int64("id"))").first)
        #expect(after.string("status") == "abandoned")
        #expect(after.optionalString("finished_at") != nil && after.string("error").contains("pid"))
        // Its own run closes normally; a live process's run is never touched.
        #expect(try F.scalar(db, "SELECT count(*) FROM runs WHERE command = 'dedup' AND status = 'succeeded'") == 1)
    }
}
