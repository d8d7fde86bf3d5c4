import Foundation
import Testing

/// The keys every non-model command's `--json` summary shares, decoded from the one line it prints: what a
/// script reads first (which command, which run).
struct SummaryJSONLine: Decodable {
    var command: String
    var runID: Int64?
    var seconds: Double

    enum CodingKeys: String, CodingKey {
        case command, seconds
        case runID = "run_id"
    }

    /// Decodes `stdout`, requiring it to be exactly one compact line (no line break inside, one at the end).
    static func decode(_ stdout: String) throws -> SummaryJSONLine {
        #expect(stdout.hasSuffix("\n"), "no closing newline: \(stdout)")
        let body = stdout.hasSuffix("\n") ? String(stdout.dropLast()) : stdout
        #expect(!body.contains("\n"), "not one line: \(stdout)")
        // No space after a key's colon (Foundation's pretty printing writes `"key" : value`).
        #expect(!body.contains("\": ") && !body.contains("\" : "), "not compact: \(stdout)")
        return try JSONDecoder().decode(SummaryJSONLine.self, from: Data(body.utf8))
    }
}
