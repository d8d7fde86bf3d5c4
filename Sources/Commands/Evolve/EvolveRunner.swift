import Store
import Synthesis

/// Runs the rounds of `dsbench evolve`. The plan is recomputed from the seed and the rows already in the
/// database, so a rerun after an interruption continues where it stopped, a finished run has nothing left
/// to do, and a larger `--rounds` only adds the new rounds.
struct EvolveRunner {
    let settings: EvolveSettings
    let ledger: EvolutionLedger
    let context: CommandContext

    var origin: String { settings.backend == .rules ? "rules" : "evolved" }

    /// The first round that still has work, as `--dry-run` sees it.
    struct PendingRound {
        var round: Int
        var missing: [PlannedEvolution]
        var unfinished: [(PlannedEvolution, EvolutionLedger.ExistingChild)]
        var parents: [Int64: EvolutionLedger.Instruction]
    }

    /// The first round with missing or unfinished evolutions, nil when everything asked for is done.
    func pendingRound(roots: [Int64]) throws -> PendingRound? {
        try walk(roots: roots, recorder: nil, modelBackend: nil).pending
    }

    /// Performs every missing evolution and check, round by round. `modelBackend` does the work for
    /// `--backend llm`; nil means the rules backend. A round the backend could not finish (budget, Ctrl-C)
    /// is the last one of this run: later rounds depend on its survivors.
    func run(roots: [Int64], recorder: RunRecorder, modelBackend: ModelEvolutionBackend?) throws -> [EvolveRoundSummary] {
        try walk(roots: roots, recorder: recorder, modelBackend: modelBackend).summaries
    }

    /// With a recorder: does the work. Without: stops at the first missing piece and reports it.
    private func walk(
        roots: [Int64], recorder: RunRecorder?, modelBackend: ModelEvolutionBackend?
    ) throws -> (summaries: [EvolveRoundSummary], pending: PendingRound?) {
        let planner = EvolutionRoundPlanner(
            strategies: settings.strategies, perInstruction: settings.perInstruction, seed: settings.seed)
        var parents = roots.map { EvolutionParent(id: $0) }
        var summaries: [EvolveRoundSummary] = []
        for round in 1...settings.rounds where !parents.isEmpty {
            try context.interrupt.check()
            let planned = planner.plan(round: round, parents: parents)
            var summary = EvolveRoundSummary(round: round, planned: planned.count)
            let existing = try ledger.existingChildren(for: planned, origin: origin)
            var results: [PlannedEvolution: EvolutionResult] = [:]
            var missing: [PlannedEvolution] = []
            var unfinished: [(PlannedEvolution, EvolutionLedger.ExistingChild)] = []
            for evolution in planned {
                if let child = existing[evolution] {
                    if isFinished(child) {
                        results[evolution] = EvolutionResult(childID: child.id, survived: child.failed.isEmpty)
                        summary.alreadyDone += 1
                    } else {
                        unfinished.append((evolution, child))
                    }
                } else {
                    missing.append(evolution)
                }
            }
            if !missing.isEmpty || !unfinished.isEmpty {
                let parentRows = try ledger.instructions(planned.map(\.parentID))
                guard let recorder else {
                    return ([], PendingRound(round: round, missing: missing, unfinished: unfinished, parents: parentRows))
                }
                if let modelBackend {
                    let done = try modelBackend.process(
                        missing: missing, unfinished: unfinished, parents: parentRows, recorder: recorder,
                        summary: &summary)
                    results.merge(done) { _, new in new }
                } else {
                    let done = try RuleEvolutionBackend(ledger: ledger).process(
                        missing, parents: parentRows, recorder: recorder, summary: &summary)
                    results.merge(done) { _, new in new }
                }
            }
            let outcomes = planned.map {
                EvolutionOutcome(planned: $0, childID: results[$0]?.childID, survived: results[$0]?.survived ?? false)
            }
            parents = EvolutionRoundPlanner.nextParents(after: outcomes)
            summaries.append(summary)
            if let recorder {
                recorder.count("round\(round).evolved", summary.evolved)
                for (filter, count) in summary.eliminated { recorder.count("eliminated.\(filter)", count) }
            }
            if summary.stopped != .completed { break }
        }
        return (summaries, nil)
    }

    /// A row is finished when a check eliminated it, or when every check this invocation asks for has run.
    private func isFinished(_ child: EvolutionLedger.ExistingChild) -> Bool {
        if !child.failed.isEmpty || settings.backend == .rules { return true }
        if settings.gainCheck && !child.passed.contains(EvolutionEliminationRule.noGain.filterName) { return false }
        if settings.complete {
            guard child.completionID != nil else { return false }
            if !child.passed.contains(EvolutionEliminationRule.refusal.filterName) { return false }
        }
        return true
    }
}
