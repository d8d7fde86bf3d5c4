import Foundation
import LLM
import Testing
import TestSupport

/// Each fault the scripted server can inject ends as a success after retry or as a typed failure —
/// never a crash, a lost result or a duplicated one.
@Suite(.serialized) struct ClientFaultMatrixTests {
    static let fastRetries = RetryPolicy(maxRetries: 2, initialDelay: 0.01, maxDelay: 0.05)

    func client(_ server: ScriptedLLMServer, retries: RetryPolicy = fastRetries, timeout: Double = 5) throws -> LLMClient {
        let config = try EndpointConfiguration.resolve(baseURL: server.baseURL, model: "scripted", environment: [:])
        return LLMClient(configuration: config, retryPolicy: retries, timeout: timeout)
    }

    let request = LLMRequest.chat(model: "scripted", messages: [.user("name a colour")])

    @Test(arguments: [
        ("429", ScriptedReply.rateLimited(retryAfter: "0")),
        ("500", .status(500, message: "boom")),
        ("503", .status(503, message: "overloaded")),
        ("408", .status(408, message: "slow")),
        ("409", .status(409, message: "conflict")),
        ("drop", .dropConnection),
    ])
    func transientFaultThenSuccess(name: String, fault: ScriptedReply) async throws {
        let server = try ScriptedLLMServer(queue: [fault], fallback: .completion("blue"))
        defer { server.stop() }
        let outcome = try await client(server).send(request)
        #expect(outcome.response?.content == "blue", "fault \(name): \(String(describing: outcome.failure))")
        #expect(outcome.attempts == 2)
        #expect(server.requests.count == 2)
        #expect(outcome.httpStatus == 200)
        #expect(outcome.usage.estimated == false)
    }

    @Test func persistentFaultEndsAsRecordedFailureAfterMaxRetries() async throws {
        let server = try ScriptedLLMServer(queue: [], fallback: .status(503, message: "still down"))
        defer { server.stop() }
        let outcome = try await client(server).send(request)
        #expect(outcome.failure == .http(status: 503, message: "still down"))
        #expect(outcome.attempts == 3)
        #expect(server.requests.count == 3)
        #expect(outcome.usage == .zero)
    }

    @Test func badRequestIsNotRetriedAndKeepsServerMessage() async throws {
        let server = try ScriptedLLMServer(queue: [.status(400, message: "max_tokens is too large")], fallback: .completion("x"))
        defer { server.stop() }
        let outcome = try await client(server).send(request)
        #expect(outcome.failure == .http(status: 400, message: "max_tokens is too large"))
        #expect(outcome.attempts == 1)
        #expect(server.requests.count == 1)
    }

    @Test func retryAfterIsHonoured() async throws {
        let server = try ScriptedLLMServer(queue: [.rateLimited(retryAfter: "1")], fallback: .completion("ok"))
        defer { server.stop() }
        let started = ContinuousClock.now
        let outcome = try await client(server).send(request)
        let elapsed = ContinuousClock.now - started
        #expect(outcome.succeeded)
        #expect(elapsed >= .milliseconds(950))
        let gap = server.requests[1].receivedAt - server.requests[0].receivedAt
        #expect(gap >= .milliseconds(950))
    }

    @Test func retryAfterMillisecondsIsHonoured() async throws {
        let server = try ScriptedLLMServer(
            queue: [.raw(status: 429, headers: ["retry-after-ms": "300"], body: "{}")], fallback: .completion("ok"))
        defer { server.stop() }
        let outcome = try await client(server).send(request)
        #expect(outcome.succeeded)
        let gap = server.requests[1].receivedAt - server.requests[0].receivedAt
        #expect(gap >= .milliseconds(290))
    }

    @Test func hangingServerTimesOutThenRetrySucceeds() async throws {
        let server = try ScriptedLLMServer(queue: [.hang], fallback: .completion("late but fine"))
        defer { server.stop() }
        let outcome = try await client(server, timeout: 1).send(request)
        #expect(outcome.response?.content == "late but fine", "\(String(describing: outcome.failure))")
        #expect(outcome.attempts == 2)
        // The hang was cut by the client's timeout: the retry came only after the first attempt had waited it
        // out (a lower bound, so a loaded machine cannot make this flaky), and the server saw both attempts.
        #expect(server.requests.count == 2)
        let gap = server.requests[1].receivedAt - server.requests[0].receivedAt
        #expect(gap >= .milliseconds(950))
    }

    @Test func hangingForeverEndsAsTimeoutFailure() async throws {
        let server = try ScriptedLLMServer(queue: [], fallback: .hang)
        defer { server.stop() }
        let outcome = try await client(server, retries: RetryPolicy(maxRetries: 1, initialDelay: 0.01), timeout: 0.5).send(request)
        #expect(outcome.failure == .timeout(seconds: 0.5))
        #expect(outcome.attempts == 2)
    }

    @Test func truncatedJSONAndMissingChoicesAreFailuresNotCrashes() async throws {
        let server = try ScriptedLLMServer(queue: [.truncatedJSON, .noChoices], fallback: .completion("unused"))
        defer { server.stop() }
        let llm = try client(server)
        let first = await llm.send(request)
        guard case .badResponse = first.failure else {
            Issue.record("truncated JSON should be badResponse, got \(String(describing: first.failure))")
            return
        }
        #expect(first.httpStatus == 200)
        #expect(first.responseBody?.isEmpty == false)
        let second = await llm.send(request)
        guard case .badResponse(let message) = second.failure else {
            Issue.record("no choices should be badResponse")
            return
        }
        #expect(message.contains("no choices"))
        #expect(server.requests.count == 2)
    }

    @Test func finishReasonLengthAndMissingUsageAreKept() async throws {
        let server = try ScriptedLLMServer(
            queue: [.completion("1. one\n2. tw", finishReason: "length", includeUsage: false)], fallback: .echo)
        defer { server.stop() }
        let outcome = try await client(server).send(request)
        let response = try #require(outcome.response)
        #expect(response.finishReason == "length")
        #expect(response.choices[0].wasTruncated)
        #expect(outcome.usage.estimated)
        #expect(outcome.usage.completionTokens == TokenEstimator.estimate("1. one\n2. tw"))
    }

    @Test func sequentialCallsReuseOneKeepAliveConnection() async throws {
        let server = try ScriptedLLMServer(queue: [], fallback: .echo)
        defer { server.stop() }
        let llm = try client(server)
        for n in 0..<5 {
            let outcome = await llm.send(.chat(model: "scripted", messages: [.user("call \(n)")]))
            #expect(outcome.response?.content == "call \(n)")
        }
        #expect(server.requests.count == 5)
        #expect(server.connectionCount == 1)
        #expect(Set(server.requests.map(\.connection)).count == 1)
    }

    @Test func completionsEndpointAndAuthorizationHeader() async throws {
        let server = try ScriptedLLMServer(queue: [], fallback: .echo)
        defer { server.stop() }
        let config = EndpointConfiguration(baseURL: URL(string: server.baseURL)!, apiKey: "sk-test", model: "m")
        let llm = LLMClient(configuration: config, retryPolicy: Self.fastRetries)
        let outcome = await llm.send(.completion(model: "m", prompt: "续写：春眠不觉晓", parameters: SamplingParameters(seed: 7)))
        #expect(outcome.response?.content == "续写：春眠不觉晓")
        let recorded = try #require(server.requests.first)
        #expect(recorded.path == "/v1/completions")
        #expect(recorded.headers["authorization"] == "Bearer sk-test")
        #expect((recorded.json?["seed"] as? Int) == 7)
    }
}
