import Foundation
import Store
import Synthesis

/// `dsbench evolve`: Evol-Instruct over the selected instructions for N rounds, or the offline rule
/// augmenter with `--backend rules`. Every evolution is a row pointing at its parent and root; eliminated
/// evolutions keep their row and get a failing `evol-*` verdict with the reason.
public struct EvolveCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "evolve",
        abstract: "Make instructions harder or more varied (Evol-Instruct, or offline rules).",
        discussion: """
            Round 1 evolves the selected instructions (all non-evolved rows, or those matching --where on the \
            examples view); each later round evolves the survivors of the previous one, and retries a parent \
            whose evolution was eliminated with a different strategy. Strategies are drawn uniformly, \
            reproducibly from --seed. Rerunning the same command continues an interrupted run; --rounds 3 after \
            a 2-round run adds round 3 only.
            LLM strategies: constraints, deepen, concretize, reasoning, complicate-input (in-depth), breadth.
            Rules strategies: template, domain, complexity, constraint (stored as rules:<name>, origin 'rules'; \
            no model, no answers).
            Eliminations are verdicts: evol-no-gain, evol-refusal, evol-stopwords, evol-leak.
            """,
        options: [
            .option("--rounds", value: "n", help: "Number of evolution rounds.", default: "1"),
            .option("--strategies", value: "list", help: "Comma-separated strategies to draw from (default: all of the backend's)."),
            .option("--where", value: "sql", help: "Select round-1 instructions by an SQL condition on the examples view."),
            .option("--per-instruction", value: "k", help: "Evolutions per instruction per round.", default: "1"),
            .option("--seed", value: "s", help: "Seed for strategy choice and rule phrasing.", default: "0"),
            .flag("--complete", help: "Answer each evolved instruction in the same run (default for --backend llm)."),
            .flag("--no-complete", help: "Do not answer evolved instructions."),
            .flag("--no-gain-check", help: "Skip the model check that an evolution adds something over its parent."),
            .option("--backend", value: "name", help: "Who evolves: llm or rules.", default: "llm", allowed: ["llm", "rules"]),
            .flag("--json", help: "Print the per-round summary as JSON."),
        ],
        examples: [
            "dsbench evolve --rounds 2 --model qwen-plus",
            "dsbench evolve --rounds 3 --strategies deepen,reasoning --where \"language = 'zh'\" --seed 7",
            "dsbench evolve --backend rules --strategies template,constraint --per-instruction 2",
        ])

    let settings: EvolveSettings
    /// Kept for the run's options JSON.
    private let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        self.arguments = arguments
        let backend = EvolveBackend(rawValue: arguments.string("backend") ?? "llm") ?? .llm
        if arguments.flag("complete") && arguments.flag("no-complete") {
            throw UsageError("--complete and --no-complete cannot be used together")
        }
        if backend == .rules && arguments.flag("complete") {
            throw UsageError("--backend rules writes instructions only; answer them with a model backend")
        }
        var strategies = EvolveSettings.defaultStrategies(for: backend)
        if let list = arguments.string("strategies") {
            strategies = try EvolveSettings.parseStrategies(list, backend: backend)
        }
        let seedText = arguments.string("seed") ?? "0"
        guard let seed = UInt64(seedText) ?? Int64(seedText).map({ UInt64(bitPattern: $0) }) else {
            throw UsageError("--seed expects an integer, got '\(seedText)'")
        }
        let whereClause = arguments.string("where")?.trimmingCharacters(in: .whitespacesAndNewlines)
        settings = EvolveSettings(
            rounds: try arguments.int("rounds", minimum: 1) ?? 1,
            strategies: strategies,
            whereClause: whereClause?.isEmpty == true ? nil : whereClause,
            perInstruction: try arguments.int("per-instruction", minimum: 1) ?? 1,
            seed: seed,
            complete: backend == .llm && !arguments.flag("no-complete"),
            gainCheck: backend == .llm && !arguments.flag("no-gain-check"),
            backend: backend,
            json: arguments.flag("json"))
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase()
        let ledger = EvolutionLedger(database: database)
        let roots = try ledger.selectRoots(where: settings.whereClause)
        guard !roots.isEmpty else {
            throw CommandError.failed(
                settings.whereClause == nil
                    ? "no instructions to evolve; import some first (dsbench import FILE)"
                    : "no instructions match --where \(settings.whereClause!)")
        }
        let modelBackend: ModelEvolutionBackend? = settings.backend == .llm ? ModelEvolutionBackend() : nil
        let runner = EvolveRunner(settings: settings, ledger: ledger, context: context, modelBackend: modelBackend)
        guard try runner.hasWork(roots: roots) else {
            if settings.json {
                context.print("{\"nothing_to_do\": true, \"rounds\": \(settings.rounds), \"selected\": \(roots.count)}")
            } else {
                context.print("Nothing to do: \(settings.rounds) round(s) over \(roots.count) instruction(s) are already evolved.")
            }
            return
        }
        let template = settings.backend == .rules ? "rules" : EvolutionPromptTemplate.identifier
        let summaries = try RunRecorder.record(database, arguments: arguments, template: template) { recorder in
            try runner.run(roots: roots, recorder: recorder)
        }
        if settings.json {
            context.print("[" + summaries.map(\.json).joined(separator: ",\n ") + "]")
        } else {
            for summary in summaries { context.print(summary.line) }
        }
    }
}
