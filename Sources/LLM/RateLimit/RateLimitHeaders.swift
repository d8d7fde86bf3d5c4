/// What a response's `x-ratelimit-*` headers say (OpenAI sends them; DashScope, vLLM, Ollama and llama.cpp
/// send none): requests and tokens remaining in the current window and the durations until each resets.
/// Reset values use `RateLimitDuration`; a reset that does not parse is kept as `unparsedReset` so the caller
/// falls back to backoff.
public struct RateLimitHeaders: Hashable, Sendable {
    public var remainingRequests: Int?
    public var remainingTokens: Int?
    /// Seconds until the request window resets.
    public var resetRequests: Double?
    /// Seconds until the token window resets.
    public var resetTokens: Double?
    /// True when a reset header was present but not a duration.
    public var unparsedReset = false

    /// Reads the headers from lower-cased names; nil when none of the four is present.
    public init?(headers: [String: String]) {
        func integer(_ name: String) -> Int? {
            headers[name].flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
        }
        let names = ["x-ratelimit-remaining-requests", "x-ratelimit-remaining-tokens",
                     "x-ratelimit-reset-requests", "x-ratelimit-reset-tokens"]
        guard names.contains(where: { headers[$0] != nil }) else { return nil }
        remainingRequests = integer(names[0])
        remainingTokens = integer(names[1])
        if let text = headers[names[2]] {
            resetRequests = RateLimitDuration.seconds(text)
            if resetRequests == nil { unparsedReset = true }
        }
        if let text = headers[names[3]] {
            resetTokens = RateLimitDuration.seconds(text)
            if resetTokens == nil { unparsedReset = true }
        }
    }

    /// Seconds to hold sending from this endpoint, when a window is used up: the request window's reset when
    /// no requests remain, the token window's when no tokens remain (the longer if both). `fallback` (a
    /// backoff delay) stands in for a reset that is missing or did not parse. Nil when nothing is exhausted.
    public func pause(fallback: Double) -> Double? {
        var pause: Double?
        if let remainingRequests, remainingRequests <= 0 { pause = resetRequests ?? fallback }
        if let remainingTokens, remainingTokens <= 0 { pause = max(pause ?? 0, resetTokens ?? fallback) }
        return pause
    }
}

import Foundation
