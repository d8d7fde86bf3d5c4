import Testing
@testable import LLM

@Suite struct CostTests {
    @Test func tokenEstimatesCountCJKPerCharacter() {
        #expect(TokenEstimator.estimate("") == 0)
        #expect(TokenEstimator.estimate("abcdefgh") == 2)
        #expect(TokenEstimator.estimate("你好世界") == 4)
        #expect(TokenEstimator.estimate("こんにちは") == 5)
        #expect(TokenEstimator.estimate("안녕") == 2)
        #expect(TokenEstimator.estimate("用Swift写") == 2 + 2)
    }

    @Test func pricesResolveByPrefixAndOverridesWin() throws {
        var table = PriceTable()
        let mini = try #require(table.price(for: "gpt-4o-mini-2024-07-18"))
        #expect(mini == PriceTable.defaults["gpt-4o-mini"])
        #expect(table.price(for: "gpt-4o-2024-08-06") == PriceTable.defaults["gpt-4o"])
        #expect(table.price(for: "llama3:8b") == nil)
        #expect(table.defaultedModels.contains("qwen-plus"))
        table.set(ModelPrice(inputPerMillion: 1, outputPerMillion: 2), for: "qwen-plus")
        #expect(!table.defaultedModels.contains("qwen-plus"))
        let cost = try #require(table.cost(of: TokenUsage(promptTokens: 1_000_000, completionTokens: 500_000), model: "qwen-plus"))
        #expect(abs(cost - 2.0) < 1e-9)
    }

    @Test func meterReservesWithinBudget() {
        var meter = CostMeter(budget: 1.0)
        let first = meter.reserve(0.4)
        let second = meter.reserve(0.4)
        let third = meter.reserve(0.4)
        #expect(first && second && !third)
        let outcome = LLMCallOutcome(
            request: .chat(model: "m", messages: []), result: .failure(.cancelled), attempts: 1,
            latencyMilliseconds: 1, httpStatus: nil, responseBody: nil, usage: TokenUsage(promptTokens: 5, completionTokens: 0))
        meter.record(outcome, cost: 0.9, reservation: 0.4)
        #expect(meter.spent == 0.9)
        #expect(meter.failures == 1)
        #expect(!meter.isExhausted)
        let fourth = meter.reserve(0.2)
        #expect(!fourth)
        meter.record(outcome, cost: 0.1, reservation: 0.4)
        #expect(meter.isExhausted)
        #expect(meter.usage.promptTokens == 10)
    }

    @Test func dryRunEstimate() throws {
        let requests = (0..<10).map { _ in
            LLMRequest.chat(model: "gpt-4o-mini", messages: [.user("abcd")], parameters: SamplingParameters(maxTokens: 100))
        }
        let estimate = DryRunEstimate(requests: requests, prices: PriceTable())
        #expect(estimate.calls == 10)
        #expect(estimate.promptTokens == 10 * (3 + 4 + 1))
        #expect(estimate.completionTokens == 1000)
        let cost = try #require(estimate.cost)
        #expect(abs(cost - (80 * 0.15 + 1000 * 0.60) / 1_000_000) < 1e-12)
        #expect(DryRunEstimate(requests: [.chat(model: "local", messages: [])], prices: PriceTable()).cost == nil)
    }
}
