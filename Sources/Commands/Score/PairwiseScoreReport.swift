import Curation
import Synthesis

/// `dsbench score --scorer pairwise`'s part of its summary: instructions and pairs selected, asks already
/// answered, judged now, ties, unreadable replies, and the judge's swap agreement over the selection.
struct PairwiseScoreReport: ModelCallReport {
    var model: String
    var instructions = 0
    var asks = 0
    var alreadyJudged = 0
    var judged = 0
    var ties = 0
    var unparseable = 0
    var agreement = SwapAgreement()
    var dryRun = false

    enum CodingKeys: String, CodingKey {
        case scorer, model, template, instructions, asks, judged, ties, unparseable
        case alreadyJudged = "already_judged"
        case swapCheck = "swap_check"
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode("pairwise", forKey: .scorer)
        try container.encode(model, forKey: .model)
        try container.encode(PairwiseScoreReport.template, forKey: .template)
        try container.encode(instructions, forKey: .instructions)
        try container.encode(asks, forKey: .asks)
        try container.encode(alreadyJudged, forKey: .alreadyJudged)
        if !dryRun {
            try container.encode(judged, forKey: .judged)
            try container.encode(ties, forKey: .ties)
            try container.encode(unparseable, forKey: .unparseable)
            try container.encode(agreement, forKey: .swapCheck)
        }
    }

    static var template: String { PairwisePrompt.identifier }

    var text: String {
        let toAsk = asks - alreadyJudged
        if dryRun { return "pairwise: \(toAsk) pair asks to judge for \(instructions) instructions (\(alreadyJudged) already judged)" }
        var line = "pairwise: judged \(judged) of \(toAsk) pair asks for \(instructions) instructions, \(ties) ties (model \(model))"
        if alreadyJudged > 0 { line += "; \(alreadyJudged) already judged" }
        line += "; \(unparseable) unparseable"
        if let rate = agreement.rate {
            line += "; swap check: \(agreement.agreed)/\(agreement.checked) agree (\(String(format: "%.0f", rate * 100))%)"
        }
        if let first = agreement.firstShownRate { line += ", answer shown first won \(String(format: "%.0f", first * 100))%" }
        return line
    }
}
