import Foundation

/// What `dsbench score` (heuristic) prints: examples scored, their mean, how many fall below 5, wall time and the
/// run — one compact JSON object with `--json` (`command`, `scorer`, `scored`, `mean`, `below_5`, `seconds`,
/// `run_id`), one line otherwise.
struct HeuristicScoreSummary: Encodable {
    var scorer: String
    var scored: Int
    var mean: Double
    var below5: Int
    var seconds: Double
    var runID: Int64

    enum CodingKeys: String, CodingKey {
        case command, scorer, scored, mean, seconds
        case below5 = "below_5"
        case runID = "run_id"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("score", forKey: .command)
        try container.encode(scorer, forKey: .scorer)
        try container.encode(scored, forKey: .scored)
        try container.encode((mean * 100).rounded() / 100, forKey: .mean)
        try container.encode(below5, forKey: .below5)
        try container.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
        try container.encode(runID, forKey: .runID)
    }

    var text: String {
        "\(scorer): scored \(scored) examples, mean \(String(format: "%.2f", mean)), \(below5) below 5, in \(String(format: "%.2f", seconds)) s"
    }
}
