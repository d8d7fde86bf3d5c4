import Foundation
import Formats
import Store
import Synthesis

/// `dsbench export --format <preference layout>`: writes preference records instead of `examples` rows.
/// Pair layouts read the newest `dsbench preferences` run (`latest_preferences`); `trl-kto` labels every
/// passing, rated answer desirable when its rating (from `--kto-scorer`) is at least `--kto-threshold`.
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
        var framing = ExportFraming(jsonArray: jsonArray)
        var buffer = framing.opening()
        try forEachExample(database) { example in
            if let limit, summary.count >= limit { return false }
            if summary.seen % 1024 == 0 { try interrupt.check() }
            summary.seen += 1
            switch example.flatMap({ layout.record(for: $0) }) {
            case .success(let record):
                framing.append(record, to: &buffer)
                summary.record(record, notes: [], label: "")
            case .failure(let skip):
                summary.skipped[skip.rawValue, default: 0] += 1
            }
            if buffer.count >= 1 << 20 { try flush(&buffer, file: file, stdout: stdout) }
            return true
        }
        buffer += framing.closing()
        try flush(&buffer, file: file, stdout: stdout)
        return summary
    }

    private func flush(_ buffer: inout [UInt8], file: ExportFile?, stdout: any TextSink) throws {
        if let file { try file.write(buffer) } else { stdout.write(String(decoding: buffer, as: UTF8.self)) }
        buffer.removeAll(keepingCapacity: true)
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
    /// run's pairs, or (unpaired) every passing answer rated by `ktoScorer`, labelled by the threshold.
    private func forEachExample(_ database: Database, _ body: (Result<PreferenceExample, PreferenceSkip>) throws -> Bool) throws {
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
            return
        }
        let groups = try PreferenceSource(scorer: ktoScorer, condition: nil).groups(database)
        let text = """
            SELECT i.instruction, i.input, i.system, i.conversation, c.output
            FROM completions c JOIN instructions i ON i.id = c.instruction_id WHERE c.id = ?
            """
        for candidate in groups.lazy.flatMap(\.candidates) {
            guard let row = try database.first(text, [.integer(candidate.completionID)]) else { continue }
            let answer = PreferenceExample.Responses.single(completion: row.string("output"), desirable: candidate.score >= ktoThreshold)
            guard try body(prompt(row).map { PreferenceExample(prompt: $0, responses: answer) }) else { return }
        }
    }

    private func prompt(_ row: Row) -> Result<PreferencePrompt, PreferenceSkip> {
        PreferencePrompt.make(
            instruction: row.string("instruction"), input: row.string("input"), system: row.optionalString("system"),
            conversation: row.optionalString("conversation").flatMap { try? JSONValue.parse($0) })
    }
}
