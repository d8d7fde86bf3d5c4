import Curation
import Store
import Synthesis

/// `--backend rules`: each planned evolution is one rule-augmenter rewrite of its parent, written with
/// origin `rules`. No model is involved; the text checks (leak, stop words) still run and are recorded.
struct RuleEvolutionBackend {
    let ledger: EvolutionLedger
    let augmenter = RuleAugmenter()

    /// Writes the rows of `planned` (none of which exist yet) and returns their results.
    func process(
        _ planned: [PlannedEvolution], parents: [Int64: EvolutionLedger.Instruction], recorder: RunRecorder,
        summary: inout EvolveRoundSummary
    ) throws -> [PlannedEvolution: EvolutionResult] {
        var results: [PlannedEvolution: EvolutionResult] = [:]
        let store = InstructionStore(ledger.database)
        try ledger.database.transaction {
            for evolution in planned {
                guard let parent = parents[evolution.parentID], let kind = RuleAugmentation(strategyName: evolution.strategy)
                else { continue }
                let text = augmenter.augment(parent.instruction, kind: kind, seed: evolution.seed)
                var row = InstructionStore.NewInstruction(instruction: text, origin: .rules, runID: recorder.runID)
                row.input = parent.input
                row.parentID = parent.id
                row.rootID = parent.rootID
                row.strategy = evolution.strategy
                row.depth = parent.depth + 1
                row.round = evolution.round
                row.language = LanguageDetector.detect(parent.input.isEmpty ? text : text + " " + parent.input).rawValue
                let id = try store.insert(row)
                let leak = TemplateLeakRule.elimination(evolved: text, parent: parent.instruction)
                let stop = StopwordOnlyRule.elimination(evolved: text, answer: nil)
                try ledger.recordVerdict(instructionID: id, completionID: nil, rule: .leak, elimination: leak, runID: recorder.runID)
                try ledger.recordVerdict(instructionID: id, completionID: nil, rule: .stopwords, elimination: stop, runID: recorder.runID)
                let stacked = augmenter.carriesForm(kind, in: parent.instruction)
                    ? EvolutionElimination(rule: .stacked, reason: "the parent already carries \(kind.strategyName) wording; another would stack on it")
                    : nil
                try ledger.recordVerdict(instructionID: id, completionID: nil, rule: .stacked, elimination: stacked, runID: recorder.runID)
                let fired = [leak, stop, stacked].compactMap { $0 }
                for elimination in fired { summary.eliminated[elimination.rule.filterName, default: 0] += 1 }
                summary.evolved += 1
                if fired.isEmpty { summary.survived += 1 }
                recorder.totals.rowsWritten += 1
                results[evolution] = EvolutionResult(childID: id, survived: fired.isEmpty)
            }
        }
        return results
    }
}
