import Curation
import Foundation

/// What `dsbench dedup` prints: the records compared, the duplicates recorded and, for minhash, the candidate
/// pair counts — one JSON object with `--json`, a line (two for minhash) otherwise.
struct DedupSummary: Encodable {
    var settings: DedupSettings
    var records: Int
    var duplicates: Int
    var seconds: Double
    var runID: Int64
    var statistics: MinHashLSH.Statistics?

    enum CodingKeys: String, CodingKey {
        case command, method, threshold, field, records, duplicates, seconds
        case runID = "run_id"
    }

    func encode(to encoder: any Encoder) throws {
        try statistics?.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("dedup", forKey: .command)
        try container.encode(settings.method.rawValue, forKey: .method)
        try container.encodeIfPresent(settings.threshold, forKey: .threshold)
        try container.encode(settings.field, forKey: .field)
        try container.encode(records, forKey: .records)
        try container.encode(duplicates, forKey: .duplicates)
        try container.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
        try container.encode(runID, forKey: .runID)
    }

    var text: String {
        var line = "\(settings.method.rawValue): \(duplicates) duplicates among \(records) instructions"
        if let threshold = settings.threshold { line += " (threshold \(threshold))" }
        line += " in \(String(format: "%.2f", seconds)) s"
        if let statistics {
            line += "\ncandidate pairs \(statistics.candidatePairs): \(statistics.verifiedPairs) verified (Jaccard ≥ "
                + "\(settings.threshold ?? 0)), \(statistics.rejectedPairs) rejected by the exact check"
        }
        return line
    }
}
