import Foundation
import LLM
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
            Eliminations are verdicts: evol-no-gain, evol-refusal, evol-stopwords, evol-leak, and (rules backend) evol-stacked.
            With --backend llm every call is a row in llm_calls (purposes evol-rewrite, evol-gain-check, \
            evol-answer); requests are fixed per (instruction, round, strategy, --seed), so a rerun is answered \
            from there instead of the network. --max-cost stops starting calls; rerun to continue.
            """,
        options: [
            .option("--rounds", value: "n", help: "Number of evolution rounds.", default: "\(EvolveSettings.defaultRounds)"),
            .option("--strategies", value: "list", help: "Comma-separated strategies to draw from (default: all of the backend's)."),
            .option("--where", value: "sql", help: "Select round-1 instructions by an SQL condition on the examples view."),
            .option("--per-instruction", value: "k", help: "Evolutions per instruction per round.", default: "\(EvolveSettings.defaultPerInstruction)"),
            .flag("--complete", help: "Answer each evolved instruction in the same run (default for --backend llm)."),
            .flag("--no-complete", help: "Do not answer evolved instructions."),
            .flag("--no-gain-check", help: "Skip the model check that an evolution adds something over its parent."),
            .option("--backend", value: "name", help: "Who evolves: llm or rules.", default: "llm", allowed: ["llm", "rules"]),
            .flag("--json", help: "Print the per-round summary as JSON."),
        ] + LLMOptions.specs.filter { $0.long != "--json" },
        examples: [
            "dsbench evolve --rounds 2 --model qwen-plus",
            "dsbench evolve --rounds 2 --base-url http://localhost:11434/v1 --model qwen2.5:7b --max-cost 0.5 --dry-run",
            "dsbench evolve --rounds 3 --strategies deepen,reasoning --where \"language = 'zh'\" --seed 7",
            "dsbench evolve --backend rules --strategies template,constraint --per-instruction 2",
        ])

    let settings: EvolveSettings
    /// Endpoint, sampling, concurrency and budget for `--backend llm`; `--seed` also draws the strategies.
    let llm: LLMOptions
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
        llm = try LLMOptions(arguments: arguments)
        if backend == .rules && llm.dryRun {
            throw UsageError("--dry-run estimates model calls; --backend rules makes none")
        }
        settings = EvolveSettings(
            rounds: try arguments.int("rounds", minimum: 1) ?? EvolveSettings.defaultRounds,
            strategies: strategies,
            condition: WhereCondition(arguments.string("where")),
            perInstruction: try arguments.int("per-instruction", minimum: 1) ?? EvolveSettings.defaultPerInstruction,
            seed: UInt64(llm.seed ?? 0),
            complete: backend == .llm && !arguments.flag("no-complete"),
            gainCheck: backend == .llm && !arguments.flag("no-gain-check"),
            backend: backend,
            json: arguments.flag("json"))
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase()
        let ledger = EvolutionLedger(database: database)
        let roots = try ledger.selectRoots(where: settings.condition)
        guard !roots.isEmpty else {
            throw CommandError.failed(
                settings.condition.map { "no instructions match --where \($0)" }
                    ?? "no instructions to evolve; import some first (dsbench import FILE)")
        }
        let runner = EvolveRunner(settings: settings, ledger: ledger, context: context)
        guard let pending = try runner.pendingRound(roots: roots) else {
            let message = "Nothing to do: \(settings.rounds) round(s) over \(roots.count) instruction(s) are already evolved."
            context.print(settings.json ? JSONOutput.line(EvolveNothingToDo(rounds: settings.rounds, selected: roots.count)) : message)
            return
        }
        guard settings.backend == .llm else {
            try runRules(roots: roots, runner: runner, database: database, context: context)
            return
        }
        let endpoint = try llm.endpoint(environment: context.environment, database: database)
        if llm.dryRun {
            try printDryRun(pending, endpoint: endpoint, database: database, context: context)
            return
        }
        try ModelCallRunner.record(
            database, arguments: arguments, settings: settings, options: llm,
            sampling: ModelEvolutionBackend.sampling(model: endpoint.model, options: llm, settings: settings), endpoint: endpoint,
            template: EvolutionPromptTemplate.identifier,
            context: context, json: settings.json
        ) { calls in
            let backend = ModelEvolutionBackend(
                settings: settings, options: llm, rows: ledger, runner: calls, model: endpoint.model)
            return EvolveReport(backend: "llm", rounds: try runner.run(roots: roots, recorder: calls.recorder, modelBackend: backend))
        }
    }

    /// `--backend rules`: no model, so no call path; the summary has the same shape with zero calls.
    private func runRules(roots: [Int64], runner: EvolveRunner, database: Database, context: CommandContext) throws {
        let started = Date()
        let (runID, rounds) = try RunRecorder.record(
            database, arguments: arguments, options: RunOptions(settings: settings, llm: llm), template: "rules"
        ) { recorder in
            (recorder.runID, try runner.run(roots: roots, recorder: recorder, modelBackend: nil))
        }
        let output = ModelCommandOutput(
            command: "evolve", report: EvolveReport(backend: "rules", rounds: rounds), calls: ModelCallSummary(),
            runID: runID, seconds: Date().timeIntervalSince(started))
        context.print(settings.json ? JSONOutput.line(output) : output.report.text)
    }

    /// `--dry-run`: the calls of the first round with work, without sending anything. The gain check and the
    /// answer are estimated with the parent's text standing in for the rewrite (a rewrite adds 10–20 words);
    /// later rounds depend on how many evolutions survive, so they are only described.
    private func printDryRun(
        _ pending: EvolveRunner.PendingRound, endpoint: EndpointConfiguration, database: Database, context: CommandContext
    ) throws {
        let factory = ModelEvolutionBackend.requestFactory(model: endpoint.model, options: llm)
        var requests: [LLMRequest] = []
        func estimateChecks(parent: EvolutionLedger.Instruction, evolved: String, seed: UInt64, needsGain: Bool, needsAnswer: Bool) {
            let full = ModelEvolutionBackend.fullText(parent.instruction, parent.input)
            if needsGain { requests.append(factory.gainRequest(parent: full, evolved: evolved, seed: seed)) }
            if needsAnswer { requests.append(factory.answerRequest(instruction: evolved, input: "", seed: seed)) }
        }
        for evolution in pending.missing {
            guard let parent = pending.parents[evolution.parentID] else { continue }
            requests.append(factory.evolveRequest(
                instruction: parent.instruction, input: parent.input,
                strategy: EvolutionStrategy(rawValue: evolution.strategy) ?? .deepen, seed: evolution.seed))
            estimateChecks(
                parent: parent, evolved: ModelEvolutionBackend.fullText(parent.instruction, parent.input), seed: evolution.seed,
                needsGain: settings.gainCheck, needsAnswer: settings.complete)
        }
        for (evolution, child) in pending.unfinished {
            guard let parent = pending.parents[evolution.parentID] else { continue }
            estimateChecks(
                parent: parent, evolved: ModelEvolutionBackend.fullText(child.instruction, child.input), seed: evolution.seed,
                needsGain: settings.gainCheck && !child.passed.contains(EvolutionEliminationRule.noGain.filterName),
                needsAnswer: settings.complete && child.completionID == nil)
        }
        let report = EvolveDryRunReport(
            round: pending.round, evolutions: pending.missing.count + pending.unfinished.count,
            newEvolutions: pending.missing.count, laterRounds: settings.rounds - pending.round,
            perInstruction: settings.perInstruction)
        try ModelCallRunner.printDryRun(
            requests.map { ModelCall($0, purpose: "dry-run") }, report: report, database: database, arguments: arguments,
            options: llm, endpoint: endpoint, context: context, json: settings.json)
    }
}
