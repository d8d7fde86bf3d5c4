import Testing
@testable import LLM

@Suite struct FleetRouterTests {
    @Test func leastOutstandingSpreadsEvenlyAndHonoursWeights() {
        var router = FleetRouter(weights: [1, 1, 1], limits: EndpointLimits(concurrency: 4), now: 0)
        var picks: [Int] = []
        for _ in 0..<9 {
            guard case .send(let index) = router.acquire(estimatedTokens: 10, now: 0) else { Issue.record("no endpoint"); return }
            picks.append(index)
        }
        #expect(picks.filter { $0 == 0 }.count == 3 && picks.filter { $0 == 1 }.count == 3)
        router.settle(2, .succeeded(tokens: 10, headers: [:]), estimatedTokens: 10, now: 0)
        #expect(router.acquire(estimatedTokens: 10, now: 0) == .send(2))  // the one with a free slot first

        var weighted = FleetRouter(weights: [3, 1], limits: EndpointLimits(concurrency: 100), now: 0)
        var counts = [0, 0]
        for _ in 0..<40 {
            if case .send(let index) = weighted.acquire(estimatedTokens: 1, now: 0) { counts[index] += 1 }
        }
        #expect(counts == [30, 10])
    }

    @Test func concurrencyIsPerEndpointAndFullMeansWaitForASettle() {
        var router = FleetRouter(weights: [1, 1], limits: EndpointLimits(concurrency: 2), now: 0)
        for _ in 0..<4 { do { let got = router.acquire(estimatedTokens: 1, now: 0); #expect(got != .wait(until: nil, limited: false)) } }
        do { let got = router.acquire(estimatedTokens: 1, now: 0); #expect(got == .wait(until: nil, limited: false)) }
    }

    @Test func aRefusingEndpointIsTakenOutProbedAndBroughtBack() {
        let health = EndpointHealth(initialBackoff: 1, maxBackoff: 8, outAfter: 3)
        var router = FleetRouter(weights: [1, 1], limits: EndpointLimits(concurrency: 4), health: health, now: 0)
        do { let got = router.acquire(estimatedTokens: 1, now: 0); #expect(got == .send(0)) }
        router.settle(0, .endpointFailed(.connection), estimatedTokens: 1, now: 0)
        #expect(router.lanes[0].health.isOut)
        // A re-sent request avoids the endpoint it failed on, and the out endpoint takes nothing.
        for _ in 0..<4 { do { let got = router.acquire(estimatedTokens: 1, now: 0.5, avoid: 0); #expect(got == .send(1)) } }
        do { let got = router.acquire(estimatedTokens: 1, now: 0.5); #expect(got == .wait(until: 1, limited: false)) }
        // After the back-off one probe goes; a failed probe doubles the back-off.
        do { let got = router.acquire(estimatedTokens: 1, now: 1.0); #expect(got == .send(0)) }
        do { let got = router.acquire(estimatedTokens: 1, now: 1.0); #expect(got == .wait(until: nil, limited: false)) }
        router.settle(0, .endpointFailed(.server), estimatedTokens: 1, now: 1.0)
        #expect(router.lanes[0].health.outUntil == 3.0)
        do { let got = router.acquire(estimatedTokens: 1, now: 3.0); #expect(got == .send(0)) }
        router.settle(0, .succeeded(tokens: 1, headers: [:]), estimatedTokens: 1, now: 3.1)
        #expect(!router.lanes[0].health.isOut)
        do { let got = router.acquire(estimatedTokens: 1, now: 3.1); #expect(got == .send(0)) }
    }

    @Test func serverErrorsTakeAnEndpointOutOnlyAfterARun() {
        var router = FleetRouter(weights: [1], limits: EndpointLimits(concurrency: 8), now: 0)
        for _ in 0..<2 {
            _ = router.acquire(estimatedTokens: 1, now: 0)
            router.settle(0, .endpointFailed(.server), estimatedTokens: 1, now: 0)
        }
        #expect(!router.lanes[0].health.isOut)
        _ = router.acquire(estimatedTokens: 1, now: 0)
        router.settle(0, .requestFailed, estimatedTokens: 1, now: 0)  // a 400 is not the server's fault
        _ = router.acquire(estimatedTokens: 1, now: 0)
        router.settle(0, .endpointFailed(.server), estimatedTokens: 1, now: 0)
        #expect(router.lanes[0].health.isOut)
    }

    @Test func aRunOf429sLeavesFewerSlotsUntilSuccessesComeBack() {
        var router = FleetRouter(weights: [1], limits: EndpointLimits(concurrency: 4), now: 0)
        for _ in 0..<2 {
            _ = router.acquire(estimatedTokens: 1, now: 0)
            router.settle(0, .rateLimited(pause: 0, headers: [:]), estimatedTokens: 1, now: 0)
        }
        #expect(router.lanes[0].concurrency.limit == 2)
        var granted = 0
        while case .send = router.acquire(estimatedTokens: 1, now: 1) { granted += 1 }
        #expect(granted == 2)  // the lowered limit, not the configured 4
        for _ in 0..<2 { router.settle(0, .succeeded(tokens: 1, headers: [:]), estimatedTokens: 1, now: 1) }
        #expect(router.lanes[0].concurrency.limit == 3)
    }

    @Test func requestsPerMinutePaceSendingAndReportALimitWait() {
        var router = FleetRouter(weights: [1], limits: EndpointLimits(concurrency: 1000, requestsPerMinute: 120), now: 0)
        // A burst of one second's worth (2), then evenly: never a minute's allowance at once.
        for _ in 0..<2 { do { let got = router.acquire(estimatedTokens: 1, now: 0); #expect(got == .send(0)) } }
        guard case .wait(let until?, true) = router.acquire(estimatedTokens: 1, now: 0) else {
            Issue.record("expected a limit wait")
            return
        }
        #expect(until > 0.49 && until < 0.52)  // about 60 / 120 s
        do { let got = router.acquire(estimatedTokens: 1, now: until); #expect(got == .send(0)) }
        // (At most N in any simulated minute: TokenBucketTests.rpmStartsAtMostNInAnyMinuteAtASteadyNPer60.)
    }

    @Test func tokensPerMinuteAreEstimatedThenCorrectedByUsage() {
        // 6,000 a minute: a bucket of 100 (one second's worth), refilled at (6000 − 99) / 60 a second.
        var router = FleetRouter(weights: [1], limits: EndpointLimits(concurrency: 100, tokensPerMinute: 6000), now: 0)
        do { let got = router.acquire(estimatedTokens: 500, now: 0); #expect(got == .send(0)) }  // larger than the bucket: goes, in debt
        guard case .wait(let until?, true) = router.acquire(estimatedTokens: 50, now: 0) else {
            Issue.record("expected a limit wait")
            return
        }
        let rate = (6000.0 - 99) / 60
        #expect(abs(until - 450 / rate) < 1e-9)  // repay 400, then 50 more
        router.settle(0, .succeeded(tokens: 100, headers: [:]), estimatedTokens: 500, now: 0)
        // The unused 400 came back: the debt is repaid (100 - 500 + 400 = 0), so 50 more wait only 50 tokens' time.
        guard case .wait(let after?, true) = router.acquire(estimatedTokens: 50, now: 0) else {
            Issue.record("expected a limit wait")
            return
        }
        #expect(abs(after - 50 / rate) < 1e-6)
    }

    @Test func a429PausesTheEndpointAndExhaustedHeadersPauseUntilReset() {
        var router = FleetRouter(weights: [1, 1], limits: EndpointLimits(concurrency: 4), now: 0)
        _ = router.acquire(estimatedTokens: 1, now: 0)
        router.settle(0, .rateLimited(pause: 2, headers: [:]), estimatedTokens: 1, now: 0)
        do { let got = router.acquire(estimatedTokens: 1, now: 1); #expect(got == .send(1)) }
        _ = router.acquire(estimatedTokens: 1, now: 1)
        router.settle(1, .succeeded(tokens: 1, headers: [
            "x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "6m0s",
        ]), estimatedTokens: 1, now: 1)
        router.settle(1, .succeeded(tokens: 1, headers: [:]), estimatedTokens: 1, now: 1)
        do { let got = router.acquire(estimatedTokens: 1, now: 1.5); #expect(got == .wait(until: 2, limited: true)) }
        do { let got = router.acquire(estimatedTokens: 1, now: 2); #expect(got == .send(0)) }
        #expect(router.lanes[1].pausedUntil == 361)
    }
}
