import Synthesis

/// `--backend llm`: evolves instructions with a model through the Evol-Instruct templates, then runs the
/// gain check and completes each evolved instruction. Waits for the shared LLM engine and options on main.
struct ModelEvolutionBackend {
    /// Processes new and unfinished evolutions of one round.
    func process(
        missing: [PlannedEvolution], unfinished: [(PlannedEvolution, EvolutionLedger.ExistingChild)],
        parents: [Int64: EvolutionLedger.Instruction], recorder: RunRecorder, summary: inout EvolveRoundSummary
    ) throws -> [PlannedEvolution: EvolutionResult] {
        throw CommandError.failed("--backend llm is not available in this build yet; use --backend rules")
    }
}
