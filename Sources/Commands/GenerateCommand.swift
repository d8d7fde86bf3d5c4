import Curation
import Foundation
import LLM
import Store
import Synthesis

/// `dsbench generate`: Self-Instruct — grow the instruction pool from seed tasks with a model, filtering
/// each candidate (length, blacklist, punctuation, "write a program", ROUGE-L ≥ 0.7 against the pool).
public struct GenerateCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "generate",
        abstract: "Generate new instructions from the seed pool with a model (Self-Instruct).",
        discussion: """
            Each prompt shows pool tasks (6 seeds + 2 accepted generated ones by default) and asks for new tasks \
            as a numbered list. Every candidate is stored: accepted ones join the pool, rejected ones keep a \
            failing verdict (gen-length, gen-blacklist, gen-punctuation, gen-program, gen-rouge). --count is the \
            number of accepted generated instructions the database should hold, so rerunning an interrupted \
            command continues where it stopped; finished calls are never repeated. The seeds' language picks the \
            English or Chinese template unless --lang is given.
            """,
        options: [
            .option("--count", value: "n", help: "Target number of accepted generated instructions in the database."),
            .option("--seed-examples", value: "n", help: "Seed tasks shown per prompt.", default: "\(GenerateSettings.defaults.seedExamples)"),
            .option("--machine-examples", value: "n", help: "Accepted generated tasks shown per prompt.", default: "\(GenerateSettings.defaults.machineExamples)"),
            .option("--prompts-per-round", value: "n", help: "Prompts per round (built from the pool as it stands).", default: "\(GenerateSettings.defaults.batch)"),
            .option("--tasks-per-prompt", value: "n", help: "New tasks asked for in each prompt.", default: "\(GenerateSettings.defaults.tasksPerPrompt)"),
            .option("--lang", value: "lang", help: "Template language (default: the seeds' language).", allowed: ["en", "zh"]),
        ] + LLMOptions.specs,
        examples: [
            "dsbench generate --count 200 --base-url http://localhost:11434/v1 --model qwen2.5:7b",
            "dsbench generate --count 1000 --lang zh --max-cost 2 --dry-run",
        ])

    let settings: GenerateSettings
    let llm: LLMOptions
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        guard let count = try arguments.int("count", minimum: 1) else {
            throw UsageError("--count is required (how many accepted generated instructions to reach)")
        }
        settings = GenerateSettings(
            count: count,
            seedExamples: try arguments.int("seed-examples", minimum: 0) ?? GenerateSettings.defaults.seedExamples,
            machineExamples: try arguments.int("machine-examples", minimum: 0) ?? GenerateSettings.defaults.machineExamples,
            batch: try arguments.int("prompts-per-round", minimum: 1) ?? GenerateSettings.defaults.batch,
            tasksPerPrompt: try arguments.int("tasks-per-prompt", minimum: 1) ?? GenerateSettings.defaults.tasksPerPrompt,
            language: arguments.string("lang").flatMap(PromptLanguage.init(rawValue:)))
        guard settings.seedExamples + settings.machineExamples > 0 else {
            throw UsageError("--seed-examples and --machine-examples cannot both be 0")
        }
        llm = try LLMOptions(arguments: arguments)
        self.arguments = arguments
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase()
        let endpoint = try llm.endpoint(environment: context.environment, database: database)
        let generator = try SelfInstructGenerator(
            settings: settings, llm: llm, model: endpoint.model, database: database, databasePath: context.databasePath)
        let template = generator.template.templateID.description
        if llm.dryRun {
            let report = GenerateDryRunReport(
                acceptedTotal: generator.machine.count, target: settings.count, tasksPerPrompt: settings.tasksPerPrompt,
                template: template)
            let firstIndex = try LLMCallStore(database).count(purpose: SelfInstructGenerator.purpose)
            try ModelCallRunner.printDryRun(
                generator.remaining == 0 ? [] : generator.plannedCalls(firstIndex: firstIndex), report: report,
                database: database, arguments: arguments, options: llm, endpoint: endpoint, context: context)
            return
        }
        try ModelCallRunner.record(
            database, arguments: arguments, settings: settings, options: llm, endpoint: endpoint, template: template,
            context: context, run: generator.run)
    }
}
