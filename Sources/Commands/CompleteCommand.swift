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
            --where filters the 'examples' view with SQL. Finished calls are answered from llm_calls on reruns.
            """,
        options: [
            .option("--mode", value: "mode", help: "What to ask for.", default: "answer", allowed: ["answer", "instances"]),
            .option("--where", value: "sql", help: "SQL condition on the 'examples' view, e.g. \"origin = 'generated'\"."),
            .option("--n", value: "k", help: "Answers per instruction (answer mode).", default: "\(CompleteSettings.defaultSamples)"),
            .option("--max-instances", value: "n", help: "Examples per task (instances mode).", default: "\(CompleteSettings.defaultMaxInstances)"),
            .option("--limit", value: "n", help: "Process at most N instructions."),
        ] + LLMOptions.specs,
        examples: [
            "dsbench complete --base-url http://localhost:8000/v1 --model Qwen/Qwen2.5-7B-Instruct",
            "dsbench complete --mode instances --where \"origin = 'generated'\" --max-instances 3",
            "dsbench complete --n 3 --temperature 0.9 --where \"language = 'zh'\" --dry-run",
        ])

    let completer: ModelCompleter
    let condition: WhereCondition?
    let limit: Int?
    let llm: LLMOptions
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        let instancesMode = arguments.string("mode") == "instances"
        if instancesMode && arguments.string("n") != nil {
            throw UsageError("--n applies to --mode answer; instances mode makes one call per task")
        }
        condition = WhereCondition(arguments.string("where"))
        limit = try arguments.int("limit", minimum: 1)
        llm = try LLMOptions(arguments: arguments)
        completer = ModelCompleter(
            instancesMode: instancesMode, samples: try arguments.int("n", minimum: 1) ?? CompleteSettings.defaultSamples,
            maxInstances: try arguments.int("max-instances", minimum: 1) ?? CompleteSettings.defaultMaxInstances,
            llm: llm, model: "")
        self.arguments = arguments
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase()
        try condition?.validate(in: database)
        let endpoint = try llm.endpoint(environment: context.environment, database: database)
        var completer = self.completer
        completer.model = endpoint.model
        let targets = try completer.selectTargets(database, condition: condition, limit: limit)
        if llm.dryRun {
            let report = CompleteReport(mode: completer.mode, instructions: targets.count, rowsWritten: 0)
            try ModelCallRunner.printDryRun(
                completer.plannedCalls(targets), report: report, database: database, arguments: arguments, options: llm,
                endpoint: endpoint, context: context)
            return
        }
        try ModelCallRunner.record(
            database, arguments: arguments,
            settings: CompleteSettings(
                mode: completer.mode, n: completer.samples, maxInstances: completer.maxInstances, condition: condition,
                limit: limit),
            options: llm, endpoint: endpoint, template: completer.template, context: context
        ) { runner in
            try completer.run(targets, runner: runner)
        }
    }
}
