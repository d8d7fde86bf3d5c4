import Foundation
import Testing
@testable import LLM

@Suite struct RetryPolicyTests {
    @Test func exponentialBackoffWithJitterAndCap() {
        let policy = RetryPolicy()
        #expect(policy.delay(retryIndex: 0, headers: [:], jitter: 0) == 0.5)
        #expect(policy.delay(retryIndex: 1, headers: [:], jitter: 0) == 1.0)
        #expect(policy.delay(retryIndex: 10, headers: [:], jitter: 0) == 8)
        #expect(policy.delay(retryIndex: 0, headers: [:], jitter: 1) == 0.375)
    }

    @Test func serverHeadersWinWithinTheCap() {
        let policy = RetryPolicy()
        #expect(policy.delay(retryIndex: 0, headers: ["retry-after-ms": "1500"], jitter: 0.5) == 1.5)
        #expect(policy.delay(retryIndex: 0, headers: ["retry-after": "3"], jitter: 0.5) == 3)
        #expect(policy.delay(retryIndex: 0, headers: ["retry-after-ms": "250", "retry-after": "9"], jitter: 0) == 0.25)
        // Absurd waits fall back to backoff.
        #expect(policy.delay(retryIndex: 0, headers: ["retry-after": "86400"], jitter: 0) == 0.5)
        let now = Date(timeIntervalSince1970: 1_700_000_000)
        let delay = RetryPolicy.serverRequestedDelay(headers: ["retry-after": "Tue, 14 Nov 2023 22:13:30 GMT"], now: now)
        #expect(delay == 10)
    }
}
