@testable import Commands
import Foundation
import LLM
import Synchronization
import Testing

/// Ctrl-C while outcomes stream in faster than the runner's 0.1 s poll: found by the pairwise resume test
/// under load (every outcome was handled, then the run reported "interrupted"). The sender answers after 5 ms
/// with two calls in flight, so the outcome channel is never quiet for the runner's 0.1 s poll; the interrupt
/// must still stop new calls within a few outcomes.
@Suite struct BlockingCallRunnerInterruptTests {
    /// Answers every request after 5 ms.
    struct SteadySender: ModelCallSender {
        func hash(of request: LLMRequest) -> String { request.hash(endpointIdentity: "instant") }

        func send(_ request: LLMRequest) async -> LLMCallOutcome {
            try? await Task.sleep(for: .milliseconds(5))
            let response = LLMResponse(
                choices: [LLMChoice(index: 0, text: "ok", finishReason: "stop")], usage: nil, model: request.model, rawBody: "{}")
            return LLMCallOutcome(
                request: request, result: .success(response), attempts: 1, latencyMilliseconds: 0, httpStatus: 200,
                responseBody: "{}", usage: TokenUsage(promptTokens: 1, completionTokens: 1))
        }
    }

    @Test func anInterruptDuringAStreamOfOutcomesStopsNewCalls() throws {
        let interrupt = InterruptSignal()
        let runner = BlockingCallRunner(sender: SteadySender(), concurrency: 2, interrupt: interrupt)
        let requests = (0..<300).map { LLMRequest.chat(model: "m", messages: [.user("q\($0)")]) }
        var handled = 0
        let notStarted = try runner.run(requests, stop: StopSignal(), reserve: { _ in true }, endsBatch: { _, _ in false }) { _, _ in
            handled += 1
            if handled == 10 { interrupt.request() }
        }
        // Calls already started when the flag was seen still finish; nothing like the whole batch runs.
        #expect(handled < 50, "handled \(handled) of 300 after the interrupt at 10")
        #expect(notStarted == 300 - handled)
    }
}
