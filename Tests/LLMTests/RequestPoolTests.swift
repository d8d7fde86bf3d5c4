import Foundation
import LLM
import Testing
import TestSupport

@Suite(.serialized) struct RequestPoolTests {
    func client(_ server: ScriptedLLMServer) throws -> LLMClient {
        let config = try EndpointConfiguration.resolve(baseURL: server.baseURL, model: "scripted", environment: [:])
        return LLMClient(configuration: config, retryPolicy: RetryPolicy(maxRetries: 2, initialDelay: 0.01, maxDelay: 0.05))
    }

    @Test func requestsReallyOverlapAndEveryJobIsDeliveredOnce() async throws {
        let server = try ScriptedLLMServer { request in .delayed(0.2, .echo) }
        defer { server.stop() }
        let llm = try client(server)
        var delivered: [Int: String] = [:]
        let summary = try await RequestPool.run(
            jobs: Array(0..<16), concurrency: 8,
            perform: { await llm.send(.chat(model: "scripted", messages: [.user("job \($0)")])) },
            handle: { job, outcome in
                #expect(delivered[job] == nil)
                delivered[job] = outcome.response?.content
            })
        #expect(summary.delivered == 16)
        #expect(delivered.count == 16)
        #expect(delivered[5] == "job 5")
        #expect(server.maxInFlight >= 6)
        #expect(server.requests.count == 16)
        // Overlap is shown by the server seeing several requests at once, not by wall time (CI machines
        // are shared and slow; a timing bound would be flaky).
    }

    @Test func faultsInABatchAreNeitherLostNorDuplicated() async throws {
        let server = try ScriptedLLMServer { request in
            let text = request.userText
            if text.hasSuffix("3") && request.ordinal < 12 { return .status(500, message: "flaky") }
            if text.hasSuffix("7") { return .status(400, message: "bad") }
            if text.hasSuffix("9") { return .truncatedJSON }
            return .echo
        }
        defer { server.stop() }
        var results: [Int: Bool] = [:]
        let llm = try client(server)
        try await RequestPool.run(
            jobs: Array(0..<20), concurrency: 4,
            perform: { await llm.send(.chat(model: "scripted", messages: [.user("job \($0)")])) },
            handle: { job, outcome in results[job] = outcome.succeeded })
        #expect(results.count == 20)
        #expect(results[7] == false && results[17] == false)
        #expect(results[9] == false && results[19] == false)
        #expect(results[3] == true || results[13] == true)
        #expect(results.values.filter { $0 }.count >= 14)
        let badRequests = server.requests.filter { $0.userText.hasSuffix("7") }
        #expect(badRequests.count == 2)
    }

    @Test func stopSignalStopsStartingNewCallsButFinishesInFlight() async throws {
        let server = try ScriptedLLMServer { _ in .delayed(0.05, .echo) }
        defer { server.stop() }
        let stop = StopSignal()
        var handled = 0
        let llm = try client(server)
        let summary = try await RequestPool.run(
            jobs: Array(0..<50), concurrency: 4, stop: stop,
            perform: { await llm.send(.chat(model: "scripted", messages: [.user("\($0)")])) },
            handle: { _, outcome in
                #expect(outcome.succeeded)
                handled += 1
                if handled == 6 { stop.stop() }
            })
        #expect(summary.delivered == handled)
        #expect(handled >= 6 && handled <= 10)
        #expect(summary.notStarted == 50 - handled)
        #expect(server.requests.count == handled)
    }

    @Test func shouldStartImplementsABudget() async throws {
        let server = try ScriptedLLMServer(queue: [], fallback: .echo)
        defer { server.stop() }
        var meter = CostMeter(budget: 0.05)
        let llm = try client(server)
        let summary = try await RequestPool.run(
            jobs: Array(0..<10), concurrency: 2,
            shouldStart: { _ in meter.reserve(0.01) },
            perform: { await llm.send(.chat(model: "scripted", messages: [.user("\($0)")])) },
            handle: { _, outcome in meter.record(outcome, cost: 0.01, reservation: 0.01) })
        #expect(summary.delivered == 5)
        #expect(server.requests.count == 5)
        #expect(abs(meter.spent - 0.05) < 1e-9)
    }
}
