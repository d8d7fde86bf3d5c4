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
        abstract: "Generate new instructions with a model: Self-Instruct from seeds, grounded Q&A from documents, or Magpie.",
        discussion: """
            Self-Instruct (default): each prompt shows pool tasks (6 seeds + 2 accepted generated ones by default) and \
            asks for new tasks as a numbered list. Every candidate is stored: accepted ones join the pool, rejected \
            ones keep a failing verdict (gen-length, gen-blacklist, gen-punctuation, gen-program, gen-rouge). --count \
            is the number of accepted generated instructions the database should hold, so rerunning an interrupted \
            command continues where it stopped; finished calls are never repeated. The seeds' language picks the \
            English or Chinese template unless --lang is given.

            --from documents: asks for --per-chunk grounded questions (and answers) for every imported chunk \
            (import --as documents) that has none of this --style yet, linked to the chunk; verdicts doc-grounded, \
            doc-self-contained, doc-duplicate.

            --method magpie: sends the model's chat template up to a user turn to the raw completions endpoint and \
            keeps the query it writes, then its answer, for --turns turns; the template comes from the model name or \
            --template; hosted APIs (OpenAI, DashScope) are refused.
            """,
        options: [
            .option("--count", value: "n", help: "Target number of accepted generated instructions in the database."),
            .option("--seed-examples", value: "n", help: "Seed tasks shown per prompt.", default: "\(GenerateSettings.defaults.seedExamples)"),
            .option("--machine-examples", value: "n", help: "Accepted generated tasks shown per prompt.", default: "\(GenerateSettings.defaults.machineExamples)"),
            .option("--prompts-per-round", value: "n", help: "Prompts per round (built from the pool as it stands).", default: "\(GenerateSettings.defaults.batch)"),
            .option("--tasks-per-prompt", value: "n", help: "New tasks asked for in each prompt.", default: "\(GenerateSettings.defaults.tasksPerPrompt)"),
            .option("--lang", value: "lang", help: "Template language (default: the seeds' or chunk's language; Magpie: the language asked for).", allowed: ["en", "zh"]),
            .option("--from", value: "source", help: "Where instructions come from: seeds (Self-Instruct) or documents (grounded Q&A from imported chunks).", default: "seeds", allowed: ["seeds", "documents"]),
            .option("--method", value: "method", help: "self-instruct, or magpie (queries drawn from a model's bare chat template).", default: "self-instruct", allowed: ["self-instruct", "magpie"]),
            .option("--per-chunk", value: "n", help: "Documents: questions asked per chunk.", default: "3"),
            .option("--style", value: "style", help: "Documents: qa (questions with answers) or instructions (questions only, answered by complete).", default: "qa", allowed: ["qa", "instructions"]),
            .option("--where", value: "SQL", help: "Documents: condition on the document_chunks view, e.g. \"path LIKE 'manual/%'\"."),
            .option("--grounding", value: "check", help: "Documents: doc-grounded by ROUGE-L recall of the answer against the chunk, or a model judge.", default: "rouge", allowed: ["rouge", "judge"]),
            .option("--grounding-threshold", value: "r", help: "Documents: least ROUGE-L recall for doc-grounded.", default: "0.5"),
            .option("--template", value: "name", help: "Magpie: chat template (default: from the model name): " + ChatTemplate.all.map(\.name).joined(separator: ", ") + "."),
            .option("--system", value: "text", help: "Magpie: system prompt written into the template prefix."),
            .option("--turns", value: "k", help: "Magpie: user/assistant turns per conversation (4 or fewer recommended).", default: "1"),
            .option("--raw-endpoint", value: "kind", help: "Magpie: openai (/v1/completions) or ollama (/api/generate raw); auto: ollama on port 11434 or when GET /api/version answers like Ollama.", default: "auto", allowed: ["auto", "openai", "ollama"]),
            .option("--bos", value: "who", help: "Magpie: template (prompt carries BOS, add_special_tokens false) or server (server adds it); auto: template for openai, server for ollama.", default: "auto", allowed: ["auto", "template", "server"]),
            .option("--answer-with", value: "mode", help: "Magpie: raw (template continued after the assistant header) or chat (chat completions).", default: "raw", allowed: ["raw", "chat"]),
            .option("--query-max-tokens", value: "n", help: "Magpie: max tokens of a query (a query cut off is rejected).", default: "256"),
        ] + LLMOptions.specs,
        examples: [
            "dsbench generate --count 200 --base-url http://localhost:11434/v1 --model qwen2.5:7b",
            "dsbench generate --count 1000 --lang zh --max-cost 2 --dry-run",
            "dsbench generate --from documents --per-chunk 3 --style qa --where \"language = 'zh'\"",
            "dsbench generate --method magpie --count 500 --base-url http://localhost:8000/v1 --model Qwen/Qwen2.5-7B-Instruct --turns 2",
        ])

    let settings: GenerateSettings
    let llm: LLMOptions
    let arguments: ParsedArguments
    /// Set for `--from documents` and `--method magpie`, which run their own generators.
    let documents: DocumentQASettings?
    let magpie: MagpieSettings?

    public init(arguments: ParsedArguments) throws(UsageError) {
        let fromDocuments = arguments.string("from") == "documents"
        let isMagpie = arguments.string("method") == "magpie"
        if fromDocuments && isMagpie { throw UsageError("--from documents and --method magpie are two different sources; pick one") }
        let documentOnly = ["per-chunk", "style", "where", "grounding", "grounding-threshold"]
        let magpieOnly = ["template", "system", "turns", "raw-endpoint", "bos", "answer-with", "query-max-tokens"]
        let selfInstructOnly = ["seed-examples", "machine-examples", "batch", "tasks-per-prompt"]
        for name in documentOnly where !fromDocuments && arguments.string(name) != nil {
            throw UsageError("--\(name) applies only with --from documents")
        }
        for name in magpieOnly where !isMagpie && arguments.string(name) != nil {
            throw UsageError("--\(name) applies only with --method magpie")
        }
        for name in selfInstructOnly where (fromDocuments || isMagpie) && arguments.string(name) != nil {
            throw UsageError("--\(name) applies only to Self-Instruct (--from seeds)")
        }
        if fromDocuments, arguments.string("count") != nil {
            throw UsageError("--count does not apply with --from documents (every selected chunk gets --per-chunk questions)")
        }
        documents = fromDocuments ? try DocumentQASettings(arguments: arguments) : nil
        magpie = isMagpie ? try MagpieSettings(arguments: arguments) : nil
        let count: Int
        if fromDocuments || isMagpie {
            count = magpie?.count ?? 0
        } else if let given = try arguments.int("count", minimum: 1) {
            count = given
        } else {
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
        if let documents {
            return try DocumentQARun(settings: documents, llm: llm, arguments: arguments).run(context: context, database: database)
        }
        if let magpie {
            return try MagpieRun(settings: magpie, llm: llm, arguments: arguments).run(context: context, database: database)
        }
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
            database, arguments: arguments, settings: settings, options: llm, sampling: generator.sampling, endpoint: endpoint,
            template: template, context: context, run: generator.run)
    }
}
