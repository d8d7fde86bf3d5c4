import Formats

/// What one export file received: records written, the top-level keys they carry (for `dataset_info.json`
/// columns), rows left out by reason, changes made by reason, and the `--check` tally.
struct ExportSummary {
    /// Rows read from the selection.
    var seen = 0
    /// Records written.
    var count = 0
    var keys: Set<String> = []
    var skipped: [String: Int] = [:]
    var notes: [String: Int] = [:]
    var checker: RecordChecker?
    /// `trl-kto`: answers merged into an earlier record with the same prompt and completion text.
    var merged = 0

    mutating func record(_ record: OrderedRecord, notes: [String], label: String) {
        count += 1
        for field in record.fields where !field.value.isNull { keys.insert(field.key) }
        for note in notes { self.notes[note, default: 0] += 1 }
        if checker != nil, let object = record.jsonValue.objectValue {
            checker!.check(object, label: label)
        }
    }

    /// Rows left out plus written records the check flagged: what `--strict` refuses.
    var faults: Int { skipped.values.reduce(0, +) + (checker?.flagged ?? 0) }

    /// The lines that tell the user what happened beyond the count, most frequent reason first.
    var reportLines: [String] {
        var lines: [String] = []
        if merged > 0 { lines.append("merged: \(merged) (duplicate prompt and completion text, rated by the mean)") }
        for (reason, count) in Self.sorted(skipped) { lines.append("skipped: \(count) (\(reason))") }
        for (note, count) in Self.sorted(notes) { lines.append("changed: \(count) × \(note)") }
        if let checker {
            let trainers = checker.rules.map(\.trainer).joined(separator: ", ")
            lines.append("check (\(trainers)): \(checker.flagged) of \(checker.checked) records flagged")
            for (reason, count) in checker.sortedCounts { lines.append("  \(count) \(reason)") }
            for finding in checker.findings { lines.append("  \(finding.label): \(finding.reasons.joined(separator: "; "))") }
        }
        return lines
    }

    private static func sorted(_ counts: [String: Int]) -> [(String, Int)] {
        counts.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }
}
