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
    /// Starts allowed by a bucket whose sender asks every `step` seconds of a simulated clock, from 0 to `end`.
    static func starts(_ bucket: inout TokenBucket, amount: Double = 1, step: Double = 0.001, until end: Double) -> [Double] {
        var times: [Double] = []
        var now = 0.0
        while now < end {
            while bucket.take(amount, now: now) { times.append(now) }
            now += step
        }
        return times
    }

    /// Most starts in any half-open window [t, t + 60) beginning at a start.
    static func busiestMinute(_ times: [Double]) -> Int {
        var most = 0
        var lower = 0
        for (upper, time) in times.enumerated() {
            while times[lower] <= time - 60 { lower += 1 }
            most = max(most, upper - lower + 1)
        }
        return most
    }

    @Test func rpmStartsAtMostNInAnyMinuteAtASteadyNPer60() {
        for limit in [1.0, 30, 60, 90, 120, 600, 6000] {
            var bucket = TokenBucket(limit: limit, now: 0)
            let times = Self.starts(&bucket, until: 180)
            // Before the fix the bucket began with a whole minute's allowance: 2N in the first minute.
            #expect(times.filter { $0 < 60 }.count <= Int(limit), "rpm \(limit): first minute")
            #expect(Self.busiestMinute(times) <= Int(limit), "rpm \(limit): busiest minute")
            // Steady pace: the third minute gets (almost) the whole limit, at N/60 per second.
            let third = times.filter { $0 >= 120 && $0 < 180 }.count
            #expect(Double(third) >= limit * 0.98 - 1, "rpm \(limit): \(third) in the third minute")
            let atOnce = times.filter { $0 == 0 }.count  // the burst: one second's worth, at least 1
            #expect(atOnce == max(1, Int(limit / 60)), "rpm \(limit): burst \(atOnce)")
        }
    }

    @Test func sixtyPerMinuteIsOnePerSecond() {
        var bucket = TokenBucket(limit: 60, now: 0)
        do { let got = bucket.take(1, now: 0); #expect(got) }
        do { let got = bucket.take(1, now: 0); #expect(!got) }
        #expect(abs(bucket.wait(for: 1, now: 0) - 1) < 1e-9)
        #expect(abs(bucket.wait(for: 1, now: 0.5) - 0.5) < 1e-9)
        do { let got = bucket.take(1, now: 0.999); #expect(!got) }
        do { let got = bucket.take(1, now: 1); #expect(got) }
        bucket.refill(now: 1000)
        #expect(bucket.level == 1)
    }

    @Test func tpmPacesTokensEvenly() {
        // 6,000 tokens a minute in requests of 50: a burst of one second's worth (100), then 100 a second.
        var bucket = TokenBucket(limit: 6000, now: 0)
        #expect(bucket.capacity == 100)
        let times = Self.starts(&bucket, amount: 50, until: 120)
        #expect(times.filter { $0 < 60 }.count * 50 <= 6000)
        #expect(Self.busiestMinute(times) * 50 <= 6000)
        #expect(times.filter { $0 >= 60 && $0 < 120 }.count * 50 >= 5800)
    }

    @Test func usageCorrectionRepaysOrChargesTheEstimate() {
        var bucket = TokenBucket(limit: 6000, now: 0)  // capacity 100
        do { let got = bucket.take(60, now: 0); #expect(got) }  // estimated 60 tokens
        bucket.correct(by: 60 - 10, now: 0)  // the answer used 10
        #expect(bucket.level == 90)
        do { let got = bucket.take(90, now: 0); #expect(got) }
        bucket.correct(by: 90 - 150, now: 0)  // underestimated: now in debt
        #expect(bucket.level == -60)
        #expect(abs(bucket.wait(for: 10, now: 0) - 70 / bucket.refillPerSecond) < 1e-9)
    }

    @Test func oversizedRequestGoesFromAFullBucketAndPaysItsExcessLater() {
        var bucket = TokenBucket(limit: 600, now: 0)  // capacity 10 tokens, about 10 a second
        do { let got = bucket.take(5, now: 0); #expect(got) }
        #expect(abs(bucket.wait(for: 5000, now: 0) - 5 / bucket.refillPerSecond) < 1e-9)
        do { let got = bucket.take(5000, now: 0.1); #expect(!got) }
        let full = 0.1 + bucket.wait(for: 5000, now: 0.1) + 1e-9
        do { let got = bucket.take(5000, now: full); #expect(got) }  // not a deadlock
        #expect(abs(bucket.level - (10 - 5000)) < 1e-6)
        // The next small request waits until the debt is repaid: the long-run rate holds.
        #expect(bucket.wait(for: 1, now: full) > 400)
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
