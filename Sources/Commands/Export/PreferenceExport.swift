import Foundation
import Formats
import Store
import Synthesis

/// `dsbench export --format <preference layout>`: writes preference records instead of `examples` rows.
/// Pair layouts read the newest `dsbench preferences` run (`latest_preferences`); `trl-kto` writes every
/// distinct (prompt, completion text) once — answers whose texts are equal after trimming surrounding whitespace
/// are merged and rated by the mean of their ratings (from `--kto-scorer`) — desirable when that mean is at
/// least `--kto-threshold`; the merged duplicates are counted in the summary. An empty completion is never written.
/// Records a layout cannot carry (equal answers, tool turns, …) are counted by reason, never written half.
struct PreferenceExport {
    let layout: any PreferenceLayout
    let jsonArray: Bool
    let limit: Int?
    /// `trl-kto`: the scorer whose ratings decide labels, and the threshold on 0–10.
    let ktoScorer: String
    let ktoThreshold: Double

    /// How to get data when there is none, for the exit-1 message.
    static let recipe = "make some with 'dsbench complete --n 2' (or --models a,b), 'dsbench score --scorer judge' (or pairwise), then 'dsbench preferences'"

    /// Writes every record to `file` (or stdout), streaming, and returns the summary; throws before writing
    /// anything when there is no preference data.
    func write(database: Database, to file: ExportFile?, stdout: any TextSink, interrupt: InterruptSignal) throws -> ExportSummary {
        try requireData(database)
        var summary = ExportSummary()
        var output = ExportOutput(jsonArray: jsonArray, file: file, stdout: stdout)
        let merged = try forEachExample(database) { example in
            if let limit, summary.count >= limit { return false }
            if summary.seen % 1024 == 0 { try interrupt.check() }
            summary.seen += 1
            switch example.flatMap({ layout.record(for: $0) }) {
            case .success(let record):
                try output.append(record)
                summary.record(record, notes: [], label: "")
            case .failure(let skip):
                summary.skipped[skip.rawValue, default: 0] += 1
            }
            return true
        }
        summary.merged = merged
        try output.finish()
        return summary
    }

    /// Exit 1 with the recipe when the layout would have nothing to write.
    private func requireData(_ database: Database) throws {
        if layout.isUnpaired {
            let rated = try database.scalar("SELECT count(*) FROM scores WHERE completion_id IS NOT NULL AND scorer = ?", [.text(ktoScorer)])
            let judged = try database.scalar("SELECT count(*) FROM pairwise_judgements")
            guard (ktoScorer == "pairwise" ? judged : rated).intValue ?? 0 > 0 else {
                throw CommandError.failed("no answers rated by '\(ktoScorer)' to export as \(layout.name); \(Self.recipe)")
            }
        } else {
            guard try database.scalar("SELECT count(*) FROM latest_preferences").intValue ?? 0 > 0 else {
                throw CommandError.failed("no preference pairs to export as \(layout.name); \(Self.recipe)")
            }
        }
    }

    /// Hands each example to `body` in instruction order until it returns false: the newest preferences
    /// run's pairs, or (unpaired) every distinct passing answer rated by `ktoScorer`, labelled by the threshold
    /// on its mean rating. Returns how many answers were merged into an equal one (unpaired only).
    private func forEachExample(_ database: Database, _ body: (Result<PreferenceExample, PreferenceSkip>) throws -> Bool) throws -> Int {
        if !layout.isUnpaired {
            var going = true
            try database.forEachRow("""
                SELECT i.instruction, i.input, i.system, i.conversation, c.output AS chosen, r.output AS rejected
                FROM latest_preferences p
                JOIN instructions i ON i.id = p.instruction_id
                JOIN completions c ON c.id = p.chosen_id
                JOIN completions r ON r.id = p.rejected_id
                ORDER BY p.instruction_id, p.id
                """
            ) { row in
                guard going else { return }
                let answers = PreferenceExample.Responses.pair(chosen: row.string("chosen"), rejected: row.string("rejected"))
                going = try body(prompt(row).map { PreferenceExample(prompt: $0, responses: answers) })
            }
            return 0
        }
        let candidates = try PreferenceSource(scorer: ktoScorer, condition: nil).groups(database).flatMap(\.candidates)
        // The rated answers' prompts and texts in one query (their ids as a JSON array, read by json_each).
        var rows: [Int64: (prompt: Result<PreferencePrompt, PreferenceSkip>, output: String)] = [:]
        try database.forEachRow(
            """
            SELECT c.id, i.instruction, i.input, i.system, i.conversation, c.output
            FROM completions c JOIN instructions i ON i.id = c.instruction_id
            WHERE c.id IN (SELECT value FROM json_each(?))
            """,
            [.text("[" + candidates.map { String($0.completionID) }.joined(separator: ",") + "]")]
        ) { row in
            rows[row.int64("id")] = (prompt(row), row.string("output"))
        }
        // One record per distinct (prompt, completion text): answers with the same text (other samples, other
        // models, other instructions with the same prompt) would otherwise be written with both labels.
        var merged = KTOMerge()
        for candidate in candidates {
            guard let row = rows[candidate.completionID] else { continue }
            merged.add(row.prompt, completion: row.output, rating: candidate.score)
        }
        for entry in merged.entries {
            let example = entry.prompt.map { prompt in
                PreferenceExample(prompt: prompt, responses: .single(completion: entry.completion, desirable: entry.mean >= ktoThreshold))
            }
            guard try body(example) else { break }
        }
        return merged.duplicates
    }

    private func prompt(_ row: Row) -> Result<PreferencePrompt, PreferenceSkip> {
        PreferencePrompt.make(
            instruction: row.string("instruction"), input: row.string("input"), system: row.optionalString("system"),
            conversation: row.optionalString("conversation").flatMap { try? JSONValue.parse($0) })
    }
}

/// `trl-kto`'s merge of equal answers: one entry per distinct (prompt, trimmed completion text), in first-seen
/// order, rated by the mean of its answers' ratings. Empty answers and rows whose prompt cannot be made stay one
/// entry each, for the layout to skip and count.
struct KTOMerge {
    struct Entry {
        var prompt: Result<PreferencePrompt, PreferenceSkip>
        var completion: String
        var total: Double
        var ratings: Int
        var mean: Double { total / Double(ratings) }
    }

    private struct Key: Hashable {
        var system: String?
        var history: [String]
        var user: String
        var completion: String
    }

    private(set) var entries: [Entry] = []
    /// Answers folded into an earlier entry with the same prompt and text.
    private(set) var duplicates = 0
    private var index: [Key: Int] = [:]

    mutating func add(_ prompt: Result<PreferencePrompt, PreferenceSkip>, completion: String, rating: Double) {
        let text = completion.trimmingSurroundingWhitespace
        // An empty answer or an unusable prompt is left to the layout to skip and count, one by one.
        guard case .success(let made) = prompt, !text.isEmpty else {
            entries.append(Entry(prompt: prompt, completion: completion, total: rating, ratings: 1))
            return
        }
        let key = Key(
            system: made.system, history: made.history.flatMap { [$0.user, $0.assistant] }, user: made.user,
            completion: String(text))
        if let existing = index[key] {
            entries[existing].total += rating
            entries[existing].ratings += 1
            duplicates += 1
        } else {
            index[key] = entries.count
            entries.append(Entry(prompt: prompt, completion: completion, total: rating, ratings: 1))
        }
    }
}

extension String {
    fileprivate var trimmingSurroundingWhitespace: Substring {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return Substring(scalars[start...end])
    }
}
