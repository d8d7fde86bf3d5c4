@testable import Commands
import Foundation
import LLM
import Migrations
import Store
import Synchronization
import Testing

/// `ModelCallRunner` with a sender that is not an `LLMClient`: what an endpoint set or a batch client will be.
@Suite struct ModelCallRunnerTests {
    /// Answers every request with its own user text, as if from one of two hosts picked by parity.
    final class FakeFleet: ModelCallSender {
        let sent = Mutex(0)

        func hash(of request: LLMRequest) -> String { request.hash(endpointIdentity: "fleet") }

        func send(_ request: LLMRequest) async -> LLMCallOutcome {
            let count = sent.withLock { $0 += 1; return $0 }
            let text = request.promptText
            let response = LLMResponse(
                choices: [LLMChoice(index: 0, text: text, finishReason: "stop")],
                usage: TokenUsage(promptTokens: 10, completionTokens: 5), model: request.model, rawBody: "{}")
            return LLMCallOutcome(
                request: request, result: .success(response), attempts: 1, latencyMilliseconds: 1, httpStatus: 200,
                responseBody: "{}", usage: TokenUsage(promptTokens: 10, completionTokens: 5),
                endpointHost: count % 2 == 0 ? "b.local:8000" : "a.local:8000")
        }
    }

    struct Written: ModelCallReport {
        var texts: [String]
        var text: String { "\(texts.count) written" }
    }

    func setUp() throws -> (Database, ParsedArguments, LLMOptions, EndpointConfiguration, CommandContext) {
        let database = try Database(path: ":memory:")
        try Migrator().migrate(database)
        let arguments = try ArgumentParser(configuration: CompleteCommand.configuration).parse(["--json", "--concurrency", "2"])
        let options = try LLMOptions(arguments: arguments)
        let endpoint = EndpointConfiguration(baseURL: URL(string: "http://fleet.invalid/v1")!, apiKey: nil, model: "m")
        let context = CommandContext(
            environment: [:], stdout: BufferSink(), stderr: BufferSink(), stdoutIsTerminal: false,
            stderrIsTerminal: false, interrupt: InterruptSignal(), databaseOption: nil)
        return (database, arguments, options, endpoint, context)
    }

    func calls(_ texts: [String]) -> [ModelCall] {
        texts.map { ModelCall(.chat(model: "m", messages: [.user($0)]), purpose: "test") }
    }

    @Test func anySenderWorksAndTheLedgerAnswersRepeats() throws {
        let (database, arguments, options, endpoint, context) = try setUp()
        let fleet = FakeFleet()
        for _ in 0..<2 {
            try ModelCallRunner.record(
                database, arguments: arguments, settings: [String: Int](), options: options, sampling: EffectiveSampling(), endpoint: endpoint,
                template: "t@1", context: context, sender: fleet
            ) { runner in
                var texts: [String] = []
                let stop = try runner.run(calls(["one", "two", "three"])) { result in
                    texts.append(result.response?.content ?? "")
                    #expect(result.callID != nil)
                }
                #expect(stop == .completed)
                return Written(texts: texts)
            }
        }
        #expect(fleet.sent.withLock { $0 } == 3, "the second run is answered from llm_calls")
        let hosts = try database.query("SELECT DISTINCT endpoint_host FROM llm_calls ORDER BY 1").map { $0.string("endpoint_host") }
        #expect(hosts == ["a.local:8000", "b.local:8000"], "each call records the host that answered it")
        let output = (context.stdout as! BufferSink).text.split(separator: "\n").map(String.init)
        let second = try JSONDecoder().decode(ModelCallSummary.self, from: Data(output[1].utf8))
        #expect(second == ModelCallSummary(calls: 0, cached: 3, failed: 0, stopped: .completed))
    }

    @Test func aWriterThatThrowsRollsBackItsCallRowAndStopsTheBatch() throws {
        struct Boom: Error {}
        let (database, arguments, options, endpoint, context) = try setUp()
        #expect(throws: Boom.self) {
            try ModelCallRunner.record(
                database, arguments: arguments, settings: [String: Int](), options: options, sampling: EffectiveSampling(), endpoint: endpoint,
                template: "t@1", context: context, sender: FakeFleet()
            ) { runner in
                try runner.run(calls(["ok", "boom"])) { result in
                    if result.response?.content == "boom" { throw Boom() }
                }
                return Written(texts: [])
            }
        }
        let recorded = try database.query("SELECT content FROM llm_calls").map { $0.string("content") }
        #expect(!recorded.contains("boom"), "the failing writer's call row is rolled back with it")
        #expect(try database.scalar("SELECT status FROM runs").stringValue == "failed")
    }
}
