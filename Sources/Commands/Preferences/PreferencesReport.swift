import Synthesis

/// The closing summary of `dsbench preferences`: instructions looked at, pairs written with their mean
/// margin, and the instructions left without a pair by reason (one answer, all tied, below --min-margin).
struct PreferencesReport: Encodable {
    var scorer: String
    var rejected: String
    var instructions = 0
    var pairs = 0
    var meanMargin: Double?
    var noPair: [String: Int] = Dictionary(uniqueKeysWithValues: NoPairReason.allCases.map { ($0.rawValue, 0) })
    var unratedAnswers = 0
    var runID: Int64 = 0

    enum CodingKeys: String, CodingKey {
        case scorer, rejected, instructions, pairs
        case meanMargin = "mean_margin"
        case noPair = "no_pair"
        case unratedAnswers = "unrated_answers"
        case runID = "run_id"
    }

    var text: String {
        var line = "preferences: \(pairs) pairs from \(instructions) instructions (scorer \(scorer), rejected \(rejected)"
        if let meanMargin { line += ", mean margin \(Self.number(meanMargin))" }
        line += ")"
        let reasons = NoPairReason.allCases.compactMap { reason -> String? in
            let count = noPair[reason.rawValue] ?? 0
            return count > 0 ? "\(count) \(reason.rawValue.replacingOccurrences(of: "_", with: " "))" : nil
        }
        if !reasons.isEmpty { line += "; no pair: " + reasons.joined(separator: ", ") }
        if unratedAnswers > 0 { line += "; \(unratedAnswers) passing answers have no \(scorer) rating" }
        return line
    }

    static func number(_ value: Double) -> String {
        String(format: "%.2f", value)
    }
}
