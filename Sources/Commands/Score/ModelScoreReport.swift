/// `dsbench score --scorer judge|complexity`'s own part of its summary (the call totals come from
/// `ModelCallSummary`): what was selected, scored, and could not be read.
struct ModelScoreReport: ModelCallReport {
    var kind: ModelScorerKind
    var model: String
    var selected = 0
    var alreadyScored = 0
    var scored = 0
    var valueSum = 0.0
    var unparseable = 0
    /// Set only for `--dry-run`: subjects the run would score.
    var dryRun = false

    var mean: Double { scored == 0 ? 0 : valueSum / Double(scored) }
    var toScore: Int { selected - alreadyScored }

    enum CodingKeys: String, CodingKey {
        case scorer, model, template, selected, scored, mean, unparseable
        case alreadyScored = "already_scored"
        case toScore = "to_score"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind.rawValue, forKey: .scorer)
        try container.encode(model, forKey: .model)
        try container.encode(kind.template, forKey: .template)
        try container.encode(selected, forKey: .selected)
        try container.encode(alreadyScored, forKey: .alreadyScored)
        if dryRun {
            try container.encode(toScore, forKey: .toScore)
        } else {
            try container.encode(scored, forKey: .scored)
            try container.encode((mean * 100).rounded() / 100, forKey: .mean)
            try container.encode(unparseable, forKey: .unparseable)
        }
    }

    var text: String {
        if dryRun {
            var line = "\(kind.rawValue): \(toScore) \(kind.subjectNoun) to score"
            if alreadyScored > 0 { line += " (\(alreadyScored) already scored)" }
            return line
        }
        var line = "\(kind.rawValue): scored \(scored) of \(toScore) \(kind.subjectNoun)"
        if scored > 0 { line += ", mean \(String(format: "%.2f", mean))" }
        line += " (model \(model), \(kind.template))"
        if alreadyScored > 0 { line += "; \(alreadyScored) already scored" }
        line += "; \(unparseable) unparseable"
        return line
    }
}
