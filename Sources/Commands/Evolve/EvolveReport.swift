/// `dsbench evolve`'s own part of its summary: one entry per round worked on in this run (the run's call
/// totals come from `ModelCallSummary`).
struct EvolveReport: ModelCallReport {
    var backend: String
    var rounds: [EvolveRoundSummary]

    var text: String { rounds.map(\.line).joined(separator: "\n") }
}
