/// Parses the reset durations that OpenAI sends in `x-ratelimit-reset-requests` / `-tokens`: a sequence of
/// number-and-unit pairs such as `6m0s`, `12ms`, `7.66s`, `2m59.56s`, `1h30m`. Units are matched longest
/// first (`ms` before `m`, so `12ms` is 12 milliseconds, not 12 minutes followed by `s`); numbers may have
/// decimals. A bare number is read as seconds. Anything else is nil, and the caller falls back to backoff.
public enum RateLimitDuration {
    /// Known units, longest spelling first, with their length in seconds.
    static let units: [(name: String, seconds: Double)] = [
        ("ms", 0.001), ("us", 0.000_001), ("µs", 0.000_001), ("ns", 0.000_000_001), ("h", 3600), ("m", 60), ("s", 1),
    ]

    /// Seconds in `text`, or nil when it is not a duration (empty, negative, unknown unit, missing number).
    public static func seconds(_ text: String) -> Double? {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return nil }
        if let plain = Double(trimmed) { return plain >= 0 && plain.isFinite ? plain : nil }
        var rest = Substring(trimmed)
        var total = 0.0
        while !rest.isEmpty {
            let numberEnd = rest.firstIndex { !($0.isASCII && ($0.isNumber || $0 == ".")) } ?? rest.endIndex
            guard numberEnd != rest.startIndex, let value = Double(rest[..<numberEnd]) else { return nil }
            rest = rest[numberEnd...]
            guard let unit = units.first(where: { rest.hasPrefix($0.name) }) else { return nil }
            total += value * unit.seconds
            rest = rest.dropFirst(unit.name.count)
        }
        return total
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        var scalars = Substring(self)
        while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
        while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
