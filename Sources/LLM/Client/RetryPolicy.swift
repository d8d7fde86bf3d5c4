import Foundation

/// When and how long to wait before retrying, in the manner of the official OpenAI SDKs:
/// exponential backoff from `initialDelay` doubling up to `maxDelay`, reduced by up to 25% jitter,
/// unless the server says how long to wait (`retry-after-ms`, `retry-after`), which is honoured up to
/// `maxServerDelay`.
public struct RetryPolicy: Hashable, Sendable {
    /// Retries after the first attempt (so `maxRetries + 1` attempts at most).
    public var maxRetries: Int
    public var initialDelay: Double
    public var maxDelay: Double
    /// Longest server-requested wait we accept; longer (or absurd) values fall back to backoff.
    public var maxServerDelay: Double

    public init(maxRetries: Int = 2, initialDelay: Double = 0.5, maxDelay: Double = 8, maxServerDelay: Double = 60) {
        self.maxRetries = maxRetries
        self.initialDelay = initialDelay
        self.maxDelay = maxDelay
        self.maxServerDelay = maxServerDelay
    }

    public static let standard = RetryPolicy()

    /// Seconds to wait before retry number `retryIndex` (0 for the first retry).
    /// `headers` are the failed response's headers, lower-cased names; `jitter` is in 0...1.
    public func delay(retryIndex: Int, headers: [String: String], jitter: Double) -> Double {
        if let server = Self.serverRequestedDelay(headers: headers), server >= 0, server <= maxServerDelay {
            return server
        }
        let exponential = min(initialDelay * pow(2, Double(retryIndex)), maxDelay)
        return exponential * (1 - 0.25 * min(max(jitter, 0), 1))
    }

    /// Whether a failed attempt is worth another: `LLMFailure.isRetryable`, unless the server overrides it with
    /// `x-should-retry: true|false` (as OpenAI's SDKs honour). A cancelled call never is.
    public static func shouldRetry(_ failure: LLMFailure, headers: [String: String]) -> Bool {
        if case .cancelled = failure { return false }
        switch headers["x-should-retry"]?.lowercased() {
        case "true": return true
        case "false": return false
        default: return failure.isRetryable
        }
    }

    /// `retry-after-ms` (milliseconds), else `retry-after` as seconds or an HTTP date.
    public static func serverRequestedDelay(headers: [String: String], now: Date = Date()) -> Double? {
        if let value = headers["retry-after-ms"], let milliseconds = Double(value.trimmingCharacters(in: .whitespaces)) {
            return milliseconds / 1000
        }
        guard let value = headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        if let seconds = Double(value) { return seconds }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
        if let date = formatter.date(from: value) { return max(0, date.timeIntervalSince(now)) }
        return nil
    }
}
