import Testing
@testable import LLM

@Suite struct RateLimitDurationTests {
    @Test(arguments: [
        ("6m0s", 360.0), ("12ms", 0.012), ("7.66s", 7.66), ("2m59.56s", 179.56), ("1h30m", 5400.0),
        ("1s500ms", 1.5), ("20", 20.0), (" 3s ", 3.0), ("0s", 0.0),
    ])
    func parsesOpenAIResetDurations(text: String, seconds: Double) throws {
        let parsed = try #require(RateLimitDuration.seconds(text))
        #expect(abs(parsed - seconds) < 1e-9)
    }

    @Test(arguments: ["", "soon", "5x", "m5", "-3s", "1.2.3s", "s", "12 ms"])
    func rejectsWhatIsNotADuration(text: String) {
        #expect(RateLimitDuration.seconds(text) == nil)
    }

    @Test func millisecondsAreNotMinutes() {
        // `ms` must be matched before `m`: 12ms is 0.012 s, never 720 s.
        #expect(RateLimitDuration.seconds("12ms") == 0.012)
        #expect(RateLimitDuration.seconds("1m12ms")! - 60.012 < 1e-9)
    }
}

@Suite struct RateLimitHeadersTests {
    @Test func exhaustedWindowPausesUntilItsReset() throws {
        let headers = try #require(RateLimitHeaders(headers: [
            "x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "2m59.56s",
            "x-ratelimit-remaining-tokens": "1200", "x-ratelimit-reset-tokens": "12ms",
        ]))
        #expect(headers.remainingTokens == 1200)
        #expect(headers.pause(fallback: 1) == 179.56)
    }

    @Test func bothExhaustedTakesTheLongerAndGarbageFallsBackToBackoff() throws {
        let both = try #require(RateLimitHeaders(headers: [
            "x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "1s",
            "x-ratelimit-remaining-tokens": "0", "x-ratelimit-reset-tokens": "6m0s",
        ]))
        #expect(both.pause(fallback: 1) == 360)
        let garbage = try #require(RateLimitHeaders(headers: [
            "x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "later",
        ]))
        #expect(garbage.unparsedReset)
        #expect(garbage.pause(fallback: 2.5) == 2.5)
    }

    @Test func absentOrUnexhaustedHeadersDoNotPause() throws {
        #expect(RateLimitHeaders(headers: ["retry-after": "3"]) == nil)
        let fine = try #require(RateLimitHeaders(headers: ["x-ratelimit-remaining-requests": "5"]))
        #expect(fine.pause(fallback: 1) == nil)
    }
}

@Suite struct TokenBucketTests {
    @Test func refillsAtTheConfiguredRateAndCapsAtCapacity() {
        var bucket = TokenBucket(limit: 60, now: 0)  // 60 per minute = 1 per second
        for _ in 0..<60 { do { let got = bucket.take(1, now: 0); #expect(got) } }
        do { let got = bucket.take(1, now: 0); #expect(!got) }
        #expect(abs(bucket.wait(for: 1, now: 0) - 1) < 1e-9)
        #expect(abs(bucket.wait(for: 1, now: 0.5) - 0.5) < 1e-9)
        do { let got = bucket.take(1, now: 1); #expect(got) }
        bucket.refill(now: 1000)
        #expect(bucket.level == 60)
    }

    @Test func usageCorrectionRepaysOrChargesTheEstimate() {
        var bucket = TokenBucket(limit: 1000, now: 0)
        do { let got = bucket.take(600, now: 0); #expect(got) }  // estimated 600 tokens
        bucket.correct(by: 600 - 100, now: 0)  // the answer used 100
        #expect(bucket.level == 900)
        do { let got = bucket.take(900, now: 0); #expect(got) }
        bucket.correct(by: 900 - 1500, now: 0)  // underestimated: now in debt
        #expect(bucket.level == -600)
        #expect(abs(bucket.wait(for: 100, now: 0) - 700 / (1000.0 / 60)) < 1e-9)
    }

    @Test func oversizedRequestWaitsForAFullBucketNotForever() {
        var bucket = TokenBucket(limit: 100, now: 0)
        do { let got = bucket.take(50, now: 0); #expect(got) }
        #expect(bucket.wait(for: 5000, now: 0) == 50 / (100.0 / 60))
        do { let got = bucket.take(5000, now: 30); #expect(got) }
    }
}

@Suite struct AdaptiveConcurrencyTests {
    @Test func aRunOf429sHalvesAndSuccessesClimbBack() {
        var concurrency = AdaptiveConcurrency(ceiling: 16)
        concurrency.rateLimited()
        #expect(concurrency.limit == 16)  // one 429 is not a run
        concurrency.rateLimited()
        #expect(concurrency.limit == 8)
        for _ in 0..<6 { concurrency.rateLimited() }
        #expect(concurrency.limit == 1)
        concurrency.rateLimited()
        concurrency.rateLimited()
        #expect(concurrency.limit == 1)  // never below one
        concurrency.succeeded()
        #expect(concurrency.limit == 2)
        for _ in 0..<2 { concurrency.succeeded() }
        #expect(concurrency.limit == 3)
        for _ in 0..<200 { concurrency.succeeded() }
        #expect(concurrency.limit == 16)  // back to the ceiling, not beyond
    }

    @Test func aSuccessBreaksTheRun() {
        var concurrency = AdaptiveConcurrency(ceiling: 8)
        concurrency.rateLimited()
        concurrency.succeeded()
        concurrency.rateLimited()
        #expect(concurrency.limit == 8)
    }
}
