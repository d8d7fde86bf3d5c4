import Synthesis

/// The values `dsbench generate` runs with, parsed once from its options.
struct GenerateSettings: Encodable {
    /// Target number of accepted generated instructions in the database.
    var count: Int
    var seedExamples: Int
    var machineExamples: Int
    /// Prompts per round, each built from the pool as it stands.
    var batch: Int
    var tasksPerPrompt: Int
    /// nil: the seeds' language picks the template.
    var language: PromptLanguage?

    enum CodingKeys: String, CodingKey {
        case count
        case batch = "prompts_per_round"
        case seedExamples = "seed_examples"
        case machineExamples = "machine_examples"
        case tasksPerPrompt = "tasks_per_prompt"
        case language = "lang"
    }

    /// Defaults, used by both the help text and the parser.
    static let defaults = GenerateSettings(
        count: 0, seedExamples: 6, machineExamples: 2, batch: 8, tasksPerPrompt: 8, language: nil)

    /// Share of asked-for tasks assumed to pass the filters when planning calls (dry run, progress total).
    static let assumedYield = 0.5
    /// Rounds in a row without an accepted instruction after which the run gives up (`no-progress`).
    static let roundsWithoutProgressLimit = 5

    /// Prompts expected to yield `remaining` accepted instructions.
    func plannedPrompts(remaining: Int) -> Int {
        max(1, Int((Double(remaining) / (Double(tasksPerPrompt) * Self.assumedYield)).rounded(.up)))
    }
}
