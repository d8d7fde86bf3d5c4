/// Runs trainer rules over a stream of records and tallies what would be dropped or rejected, by reason,
/// keeping the first few records at fault. It also enforces "one column, one type": Arrow-based loaders
/// (LLaMA-Factory through `datasets`) refuse a file whose top-level key changes JSON type between records
/// (a `tools` string next to a `tools` list); null is compatible with any type.
public struct RecordChecker: Sendable {
    /// One record at fault, for the first few printed.
    public struct Finding: Sendable, Equatable {
        /// Where it is: `instruction 12`, `line 40`.
        public var label: String
        public var reasons: [String]
    }

    public let rules: [any TrainerRules]
    /// How many findings to keep.
    public let keep: Int
    public private(set) var checked = 0
    /// Records with at least one problem.
    public private(set) var flagged = 0
    /// Problem → records having it.
    public private(set) var counts: [String: Int] = [:]
    public private(set) var findings: [Finding] = []
    private var columnTypes: [String: String] = [:]

    public init(rules: [any TrainerRules], keep: Int = 5) {
        self.rules = rules
        self.keep = keep
    }

    /// Checks one record; returns its problems (empty when every trainer reads it as intended).
    @discardableResult
    public mutating func check(_ record: [String: JSONValue], label: String) -> [String] {
        checked += 1
        var problems: [String] = []
        for rule in rules {
            for problem in rule.problems(in: record) where !problems.contains(problem) { problems.append(problem) }
        }
        for (key, value) in record where !value.isNull {
            let type = value.typeName
            if let seen = columnTypes[key] {
                if seen != type { problems.append("column '\(key)' is \(type) here but \(seen) in earlier records") }
            } else {
                columnTypes[key] = type
            }
        }
        if !problems.isEmpty {
            flagged += 1
            for problem in problems { counts[problem, default: 0] += 1 }
            if findings.count < keep { findings.append(Finding(label: label, reasons: problems)) }
        }
        return problems
    }

    /// Counts a record that could not be read at all (invalid JSON, not an object).
    public mutating func reject(_ reason: String, label: String) {
        checked += 1
        flagged += 1
        counts[reason, default: 0] += 1
        if findings.count < keep { findings.append(Finding(label: label, reasons: [reason])) }
    }

    /// Counts by reason, most frequent first (ties by text).
    public var sortedCounts: [(reason: String, count: Int)] {
        counts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }
}
