/// What `dsbench evolve --dry-run` adds to the estimate: the first round with work. Later rounds depend on how
/// many evolutions survive, so they are only counted.
struct EvolveDryRunReport: ModelCallReport {
    var round: Int
    var evolutions: Int
    var newEvolutions: Int
    var laterRounds: Int
    var perInstruction: Int

    enum CodingKeys: String, CodingKey {
        case round, evolutions
        case laterRounds = "later_rounds"
    }

    var text: String {
        var line = "round \(round): \(newEvolutions) new and \(evolutions - newEvolutions) unfinished evolutions"
        if laterRounds > 0 {
            line += " (rounds \(round + 1)…\(round + laterRounds) evolve the survivors, up to \(perInstruction)× as many "
                + "evolutions per round; run round by round with --rounds to see each estimate)"
        }
        return line
    }
}
