import Foundation
import LLM
import Testing
import TestSupport

@Suite(.serialized) struct EndpointFleetTests {
    static let quickHealth = EndpointHealth(initialBackoff: 0.2, maxBackoff: 1, outAfter: 3)

    func fleet(_ servers: [ScriptedLLMServer], concurrency: Int, rpm: Int? = nil, maxRetries: Int = 2) throws -> EndpointFleet {
        let set = try EndpointSet.resolve(baseURL: servers.map(\.baseURL).joined(separator: ","), model: "scripted", environment: [:])
        return EndpointFleet(
            endpoints: set, limits: EndpointLimits(concurrency: concurrency, requestsPerMinute: rpm),
            retryPolicy: RetryPolicy(maxRetries: maxRetries, initialDelay: 0.01, maxDelay: 0.05), timeout: 5,
            health: Self.quickHealth)
    }

    func sendAll(_ fleet: EndpointFleet, count: Int, width: Int) async throws -> [Int: LLMCallOutcome] {
        var outcomes: [Int: LLMCallOutcome] = [:]
        try await RequestPool.run(
            jobs: Array(0..<count), concurrency: width,
            perform: { await fleet.send(.chat(model: "scripted", messages: [.user("question \($0)")])) },
            handle: { job, outcome in outcomes[job] = outcome })
        return outcomes
    }

    @Test func spreadsOverServersWithConcurrencyPerEndpoint() async throws {
        let servers = try (0..<3).map { _ in try ScriptedLLMServer { _ in .delayed(0.05, .echo) } }
        defer { servers.forEach { $0.stop() } }
        let fleet = try fleet(servers, concurrency: 4)
        #expect(fleet.capacity == 12)
        let outcomes = try await sendAll(fleet, count: 60, width: fleet.capacity ?? 1)
        #expect(outcomes.count == 60)
        #expect(outcomes.values.filter { !$0.succeeded }.isEmpty)
        #expect(outcomes[7]?.response?.content == "question 7")
        for server in servers {
            #expect(server.requests.count >= 12)  // each took a share
            #expect(server.maxInFlight <= 4)  // never more than --concurrency on one server
        }
        #expect(servers.map(\.maxInFlight).max()! >= 3)
        #expect(fleet.status.answered.reduce(0, +) == 60)
        #expect(fleet.status.answered.allSatisfy { $0 >= 12 })
        // The outcome names the endpoint that answered.
        let answeredBy = Set(outcomes.values.compactMap(\.endpointURL))
        #expect(answeredBy == Set(servers.map(\.baseURL)))
    }

    @Test func aDeadServerIsTakenOutAndItsRequestsAnsweredElsewhereOnce() async throws {
        let alive = try (0..<2).map { _ in try ScriptedLLMServer { _ in .delayed(0.02, .echo) } }
        // The third server drops the connection of everything it is sent: as if killed mid-run.
        let dying = try ScriptedLLMServer { _ in .dropConnection }
        defer { (alive + [dying]).forEach { $0.stop() } }
        let fleet = try fleet(alive + [dying], concurrency: 4)
        let outcomes = try await sendAll(fleet, count: 80, width: fleet.capacity ?? 1)
        #expect(outcomes.count == 80)
        #expect(outcomes.values.filter { !$0.succeeded }.isEmpty)
        let answered = alive.flatMap(\.requests).map(\.userText)
        #expect(answered.count == 80)  // each question answered exactly once by a live server
        #expect(Set(answered).count == 80)
        #expect(dying.requests.count < 12)  // taken out after its first failures, probed rarely
        #expect(fleet.status.out[2])
    }

    @Test func rateLimitedEndpointSlowsAndRecoversWithoutLosingRequests() async throws {
        let count = Mutex(0)
        let limited = try ScriptedLLMServer { _ in
            let n = count.withLock { n -> Int in n += 1; return n }
            return n <= 6 ? .rateLimited(retryAfter: "0.05") : .echo
        }
        defer { limited.stop() }
        let fleet = try fleet([limited], concurrency: 8, maxRetries: 8)
        let outcomes = try await sendAll(fleet, count: 24, width: fleet.capacity ?? 1)
        #expect(outcomes.values.filter { !$0.succeeded }.isEmpty)
        #expect(limited.requests.count == 30)  // 24 answers + 6 refusals, nothing twice
        #expect(outcomes.values.map(\.attempts).reduce(0, +) == 30)
    }

    @Test func aLoneEndpointIsRetriedAfterABackoffNotAtOnce() async throws {
        let server = try ScriptedLLMServer(queue: [.status(503, message: "busy"), .status(503, message: "busy")], fallback: .echo)
        defer { server.stop() }
        let fleet = try fleet([server], concurrency: 2, rpm: 1000)
        let outcome = await fleet.send(.chat(model: "scripted", messages: [.user("hi")]))
        #expect(outcome.succeeded && outcome.attempts == 3)
        let requests = server.requests
        // RetryPolicy(initialDelay: 0.01): at least 7.5 ms, then 15 ms, between attempts (jitter takes ≤ 25%).
        #expect(requests[1].receivedAt - requests[0].receivedAt >= .microseconds(7_500))
        #expect(requests[2].receivedAt - requests[1].receivedAt >= .microseconds(15_000))
    }

    @Test func requestsPerMinuteIsHonoured() async throws {
        let server = try ScriptedLLMServer { _ in .echo }
        defer { server.stop() }
        // 600 rpm: a burst of one second's worth (10), then about 10 a second.
        let fleet = try fleet([server], concurrency: 8, rpm: 600)
        let started = Date()
        let watcher = Task {
            var sawLimitWait = false
            while !Task.isCancelled, !sawLimitWait {
                sawLimitWait = fleet.status.waitingOnLimit > 0
                try? await Task.sleep(for: .milliseconds(20))
            }
            return sawLimitWait
        }
        let outcomes = try await sendAll(fleet, count: 16, width: 8)
        watcher.cancel()
        #expect(await watcher.value)  // what the progress line reports as "waiting on rate limit"
        #expect(outcomes.count == 16)
        // 10 go at once, the other 6 wait for a refill of about one per 0.1 s each.
        #expect(Date().timeIntervalSince(started) >= 0.55)
    }

    @Test func exhaustedRateLimitHeadersHoldSendingUntilReset() async throws {
        let server = try ScriptedLLMServer { request in
            request.ordinal == 0
                ? .raw(status: 200, headers: ["x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "300ms"],
                       body: ScriptedLLMServer.completionBody(text: "first", finishReason: "stop", includeUsage: true, request: request))
                : .echo
        }
        defer { server.stop() }
        let fleet = try fleet([server], concurrency: 1)
        _ = await fleet.send(.chat(model: "scripted", messages: [.user("a")]))
        let second = await fleet.send(.chat(model: "scripted", messages: [.user("b")]))
        #expect(second.succeeded)
        let gap = server.requests[1].receivedAt - server.requests[0].receivedAt
        #expect(gap >= .milliseconds(290))
    }
}

import Synchronization
