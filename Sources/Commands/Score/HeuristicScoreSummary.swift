import Foundation

/// What `dsbench score` (heuristic) prints: examples scored, their mean, how many fall below 5, wall time.
struct HeuristicScoreSummary: Encodable {
    var scorer: String
    var scored: Int
    var mean: Double
    var below5: Int
    var seconds: Double

    enum CodingKeys: String, CodingKey {
        case scorer, scored, mean, seconds
        case below5 = "below_5"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(scorer, forKey: .scorer)
        try container.encode(scored, forKey: .scored)
        try container.encode((mean * 100).rounded() / 100, forKey: .mean)
        try container.encode(below5, forKey: .below5)
        try container.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
    }

    var text: String {
        "\(scorer): scored \(scored) examples, mean \(String(format: "%.2f", mean)), \(below5) below 5, in \(String(format: "%.2f", seconds)) s"
    }
}
