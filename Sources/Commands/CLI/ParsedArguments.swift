import Foundation

/// The options and positionals of one invocation, with typed accessors that raise usage errors naming the
/// option ("--limit expects an integer, got 'ten'").
public struct ParsedArguments: Sendable {
    public let commandName: String
    /// Values by option key (long name without dashes), in the order given.
    public private(set) var values: [String: [String]] = [:]
    /// Flags that were given, by key.
    public private(set) var flags: Set<String> = []
    public private(set) var positionals: [String] = []
    /// Options in the order given, for the run's options JSON.
    public private(set) var ordered: [(key: String, value: String?)] = []

    public init(commandName: String) { self.commandName = commandName }

    mutating func add(value: String, for key: String) {
        values[key, default: []].append(value)
        ordered.append((key, value))
    }

    mutating func add(flag key: String) {
        flags.insert(key)
        ordered.append((key, nil))
    }

    mutating func add(positional: String) { positionals.append(positional) }

    /// True when the flag was given.
    public func flag(_ key: String) -> Bool { flags.contains(key) }

    /// The last value given for an option, or nil.
    public func string(_ key: String) -> String? { values[key]?.last }

    /// Every value given for a repeatable option.
    public func strings(_ key: String) -> [String] { values[key] ?? [] }

    /// Comma-separated values of an option, trimmed, empty items dropped.
    public func list(_ key: String) -> [String]? {
        guard let raw = string(key) else { return nil }
        return raw.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    public func int(_ key: String) throws(UsageError) -> Int? {
        guard let raw = string(key) else { return nil }
        guard let value = Int(raw) else { throw UsageError("--\(key) expects an integer, got '\(raw)'") }
        return value
    }

    /// A non-negative 64-bit integer such as a random seed.
    public func uint64(_ key: String) throws(UsageError) -> UInt64? {
        guard let raw = string(key) else { return nil }
        guard let value = UInt64(raw) else { throw UsageError("--\(key) expects a non-negative integer, got '\(raw)'") }
        return value
    }

    /// An integer that must be at least `minimum`.
    public func int(_ key: String, minimum: Int) throws(UsageError) -> Int? {
        guard let value = try int(key) else { return nil }
        guard value >= minimum else { throw UsageError("--\(key) must be at least \(minimum), got \(value)") }
        return value
    }

    public func double(_ key: String) throws(UsageError) -> Double? {
        guard let raw = string(key) else { return nil }
        guard let value = Double(raw), value.isFinite else {
            throw UsageError("--\(key) expects a number, got '\(raw)'")
        }
        return value
    }

    /// A number that must lie in `range`.
    public func double(_ key: String, in range: ClosedRange<Double>) throws(UsageError) -> Double? {
        guard let value = try double(key) else { return nil }
        guard range.contains(value) else {
            throw UsageError("--\(key) must be between \(range.lowerBound) and \(range.upperBound), got \(value)")
        }
        return value
    }
}
