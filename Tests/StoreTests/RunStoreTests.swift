import Foundation
import Migrations
import Store
import Testing

@Suite struct RunStoreTests {
    func database() throws -> Database {
        let database = try Database(path: ":memory:")
        try Migrator().migrate(database)
        return database
    }

    @Test func onlyRunsOfDeadProcessesOnThisHostAreAbandoned() throws {
        let database = try database()
        let store = RunStore(database)
        let dead = try store.start(command: "generate", optionsJSON: "{}", pid: 111, host: "here")
        let alive = try store.start(command: "evolve", optionsJSON: "{}", pid: 222, host: "here")
        let elsewhere = try store.start(command: "score", optionsJSON: "{}", pid: 111, host: "there")
        let closed = try store.start(command: "dedup", optionsJSON: "{}", pid: 111, host: "here")
        try store.finish(runID: closed, status: .succeeded, totals: RunStore.Totals())
        var seenStarts: [String] = []
        let marked = try store.markAbandoned(host: "here") { pid, startedAt in
            seenStarts.append(startedAt)
            return pid == 222
        }
        // The check gets each run's start time, to tell a reused pid from the run's own process.
        #expect(seenStarts.count == 2 && seenStarts.allSatisfy { $0.hasSuffix("Z") && $0.contains("T") })
        #expect(marked == [dead])
        let status = Dictionary(uniqueKeysWithValues: try database.query("SELECT id, status FROM runs").map {
            ($0.int64("id"), $0.string("status"))
        })
        #expect(status == [dead: "abandoned", alive: "running", elsewhere: "running", closed: "succeeded"])
        #expect(try database.scalar("SELECT finished_at IS NOT NULL FROM runs WHERE id = \(dead)").intValue == 1)
    }
}
