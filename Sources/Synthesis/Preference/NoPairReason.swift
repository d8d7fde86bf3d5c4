/// Why an instruction yields no preference pair; counted in the `preferences` summary, never an error.
public enum NoPairReason: String, Sendable, Hashable, CaseIterable {
    /// Fewer than two rated answers that pass their filters.
    case singleAnswer = "single_answer"
    /// Every answer is rated the same or has the best answer's text (or, pairwise, the judge never preferred one
    /// over another).
    case allTied = "all_tied"
    /// Some answer is rated lower, but none by at least `--min-margin`.
    case belowMargin = "below_margin"
}
