import Foundation
import LLM
import Store
import Synthesis

/// `dsbench complete`: ask a model for outputs — answers to instructions (`--mode answer`), or Self-Instruct
/// instances for generated tasks (`--mode instances`: classification check, then input- or output-first examples).
public struct CompleteCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "complete",
        abstract: "Get model outputs: answers to instructions, or input/output instances for tasks.",
        discussion: """
            answer: every selected instruction without an output (not failed, not a duplicate) gets --n answers \
            (sample_index 0…n-1). instances: each selected task row without an output is classified (classification \
            or not), then given up to --max-instances examples; the first fills the task row, the others become \
            rows with task_id pointing at it. Tasks whose examples conflict get a failing 'gen-instances' verdict. \
            --where filters the 'examples' view with SQL. Finished calls are answered from llm_calls on reruns. \
            --models m1,m2 asks every listed model for --n answers each (preference data: several answers to \
            judge); an item is NAME (the command's endpoints, every --base-url URL), NAME@dashscope, NAME@openai or NAME@URL, with keys \
            from the environment only. Each completion records its model and sample_index; a rerun asks only for \
            the (model, sample) answers still missing.
            """,
        options: [
            .option("--mode", value: "mode", help: "What to ask for.", default: "answer", allowed: ["answer", "instances"]),
            .option("--where", value: "sql", help: "SQL condition on the 'examples' view, e.g. \"origin = 'generated'\"."),
            .option("--n", value: "k", help: "Answers per instruction (answer mode), per model with --models.", default: "\(CompleteSettings.defaultSamples)"),
            .option("--models", value: "list", help: "Several models, e.g. qwen-plus@dashscope,llama3@http://localhost:11434/v1."),
            .option("--max-instances", value: "n", help: "Examples per task (instances mode).", default: "\(CompleteSettings.defaultMaxInstances)"),
            .option("--limit", value: "n", help: "Process at most N instructions."),
        ] + LLMOptions.specs,
        examples: [
            "dsbench complete --base-url http://localhost:8000/v1 --model Qwen/Qwen2.5-7B-Instruct",
            "dsbench complete --mode instances --where \"origin = 'generated'\" --max-instances 3",
            "dsbench complete --n 3 --temperature 0.9 --where \"language = 'zh'\" --dry-run",
            "dsbench complete --models qwen-plus@dashscope,qwen2.5:7b@http://localhost:11434/v1 --n 2 --temperature 0.8",
        ])

    let completer: ModelCompleter
    let condition: WhereCondition?
    let limit: Int?
    let llm: LLMOptions
    /// `--models`, nil when absent.
    let models: [ModelEndpointSpec]?
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        let instancesMode = arguments.string("mode") == "instances"
        if instancesMode && arguments.string("n") != nil {
            throw UsageError("--n applies to --mode answer; instances mode makes one call per task")
        }
        condition = WhereCondition(arguments.string("where"))
        limit = try arguments.int("limit", minimum: 1)
        llm = try LLMOptions(arguments: arguments)
        do {
            models = try arguments.string("models").map { text throws(ModelEndpointSpecError) in try ModelEndpointSpec.list(text) }
        } catch {
            throw UsageError(error.description)
        }
        if models != nil, instancesMode { throw UsageError("--models applies to --mode answer") }
        if models != nil, llm.model != nil { throw UsageError("--models and --model are exclusive; list every model in --models") }
        if models != nil, llm.batch != nil {
            throw UsageError("--batch sends to one endpoint and does not combine with --models; run one model at a time")
        }
        var completer = ModelCompleter(
            instancesMode: instancesMode, samples: try arguments.int("n", minimum: 1) ?? CompleteSettings.defaultSamples,
            maxInstances: try arguments.int("max-instances", minimum: 1) ?? CompleteSettings.defaultMaxInstances,
            llm: llm, model: "")
        completer.models = models?.map(\.model)
        self.completer = completer
        self.arguments = arguments
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase()
        try condition?.validate(in: database)
        let endpoints = try resolveEndpoints(context.environment, database: database)
        let endpoint = endpoints[0].primary
        var completer = self.completer
        completer.model = endpoint.model
        let targets = try completer.selectTargets(database, condition: condition, limit: limit)
        // With --models each request goes to (and is hashed by) its own model's endpoint, paced like any other
        // run (--rpm/--tpm, rate-limit headers, 429 back-off).
        let router = models.map { _ in ModelRouter(endpoints.map { ($0.primary.model, llm.makeSender($0)) }) }
        if llm.dryRun {
            let report = CompleteReport(mode: completer.mode, instructions: Set(targets.map(\.id)).count, rowsWritten: 0)
            try ModelCallRunner.printDryRun(
                completer.plannedCalls(targets), report: report, database: database, arguments: arguments, options: llm,
                endpoint: endpoint, context: context, sender: router)
            return
        }
        try ModelCallRunner.record(
            database, arguments: arguments,
            settings: CompleteSettings(
                mode: completer.mode, n: completer.samples, maxInstances: completer.maxInstances, condition: condition,
                limit: limit, models: completer.models),
            options: llm, sampling: completer.sampling, endpoint: endpoint, template: completer.template, context: context,
            sender: router
        ) { runner in
            if models != nil {
                try runner.recorder.describe(
                    model: endpoints.map(\.primary.model).joined(separator: ","),
                    endpointHost: Self.distinctHosts(endpoints), template: completer.template)
            }
            return try completer.run(targets, runner: runner)
        }
    }

    /// Every host the models are sent to, each once, in first-seen order (models sharing the command's
    /// endpoints share their hosts).
    static func distinctHosts(_ sets: [EndpointSet]) -> String {
        var seen = Set<String>()
        return sets.flatMap { $0.members.map(\.configuration.host) }.filter { seen.insert($0).inserted }.joined(separator: ",")
    }

    /// The endpoints of each `--models` item (keys from the environment), or the command's one set. A bare
    /// model name is served by the command's whole endpoint set (`--base-url a,b`, `OPENAI_BASE_URL`, `config
    /// endpoints`), every member asked for that model; `NAME@…` by its one endpoint.
    private func resolveEndpoints(_ environment: [String: String], database: Database) throws -> [EndpointSet] {
        guard let models else { return [EndpointSet(try llm.endpoint(environment: environment, database: database))] }
        return try models.map { spec in
            do {
                guard spec.target == .commandEndpoint else {
                    return EndpointSet(try spec.resolve(commandBaseURL: llm.baseURL, environment: environment))
                }
                return try llm.endpointSet(environment: environment, database: database, modelOverride: spec.model)
            } catch {
                if llm.dryRun { return EndpointSet(EndpointConfiguration(baseURL: URL(string: "http://dry-run.invalid/v1")!, apiKey: nil, model: spec.model)) }
                throw CommandError.failed("--models \(spec.model): \(error)")
            }
        }
    }
}
