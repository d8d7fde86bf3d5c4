import Foundation

/// The closing summary of a model command as printed: `command`, the command's report, the call totals, the
/// run id and the wall time, in one flat JSON object with `--json`, one line otherwise.
struct ModelCommandOutput<Report: ModelCallReport>: Encodable {
    var command: String
    var report: Report
    var calls: ModelCallSummary
    var runID: Int64
    var seconds: Double

    enum CodingKeys: String, CodingKey {
        case command
        case runID = "run_id"
        case seconds
    }

    func encode(to encoder: any Encoder) throws {
        try report.encode(to: encoder)
        try calls.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(command, forKey: .command)
        try container.encode(runID, forKey: .runID)
        try container.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
    }

    var text: String {
        let head = report.text.isEmpty ? "" : report.text + "; "
        return "\(command): \(head)\(calls.text), \(String(format: "%.1f", seconds)) s\(calls.stopText)"
    }

    /// One line: JSON (sorted keys) or text.
    func rendered(json: Bool) -> String { json ? JSONOutput.line(self) : text }
}
