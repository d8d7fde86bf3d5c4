import Formats
import Store

/// `dsbench import`: reads Alpaca, ShareGPT, OpenAI-messages, Self-Instruct, CSV or text files into the
/// database, one transaction per file, recognising files imported before by their content hash.
public struct ImportCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "import",
        abstract: "Import seeds or examples from JSON, JSONL, CSV or text files.",
        discussion: "The format is detected from the first record unless --format is given: self-instruct "
            + "(instruction + instances), alpaca (instruction/input/output), sharegpt (conversations), openai "
            + "(messages), csv (by extension), text (one instruction per line). Each file is imported in one "
            + "transaction: a bad record aborts that file (file:line: field: reason) and leaves the database "
            + "unchanged, unless --skip-invalid stores it in the rejects table. Unmapped fields are kept in "
            + "'extra' so export gives them back. A file whose bytes were already imported with the same format "
            + "and role is skipped.",
        arguments: [ArgumentSpec("file", help: "Files to import; '-' reads stdin.", variadic: true)],
        options: [
            .option("--format", value: "format", help: "Input format.", default: "auto",
                    allowed: ["auto"] + SourceFormat.allCases.map(\.rawValue)),
            .option("--as", value: "role", help: "Store as seeds (origin 'seed') or examples (origin 'imported'); "
                    + "self-instruct files default to seeds.", allowed: ["seeds", "examples"]),
            .option("--map", value: "src=dst,...", help: "Rename fields before mapping, e.g. question=instruction,answer=output."),
            .flag("--skip-invalid", help: "Store bad records in 'rejects' and import the rest."),
            .flag("--json", help: "Print one JSON object with a summary per file instead of a line per file."),
        ],
        examples: [
            "dsbench import alpaca_data.json",
            "dsbench import seed_tasks.jsonl --as seeds",
            "dsbench import qa.csv --map question=instruction,answer=output --skip-invalid",
            "cat prompts.txt | dsbench import - --format text",
            "dsbench import a.jsonl b.csv --json",
        ])

    let files: [String]
    let format: SourceFormat?
    let role: String?
    let renaming: FieldRenaming
    let skipInvalid: Bool
    let json: Bool
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        self.arguments = arguments
        files = arguments.positionals
        guard !files.isEmpty else { throw UsageError("give at least one file to import ('-' for stdin)") }
        let formatName = arguments.string("format") ?? "auto"
        format = formatName == "auto" ? nil : SourceFormat(rawValue: formatName)
        role = arguments.string("as")
        do {
            renaming = try FieldRenaming(parsing: arguments.string("map") ?? "")
        } catch {
            throw UsageError("--map: \(error.reason)")
        }
        skipInvalid = arguments.flag("skip-invalid")
        json = arguments.flag("json")
        if files.filter({ $0 == "-" }).count > 1 { throw UsageError("stdin ('-') can be read only once") }
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase()
        var summary = ImportSummary()
        try RunRecorder.record(database, arguments: arguments) { run in
            summary.runID = run.runID
            let importer = FileImporter(
                database: database, runID: run.runID, format: format, role: role, renaming: renaming,
                skipInvalid: skipInvalid, interrupt: context.interrupt)
            for file in files {
                let path = file == "-" ? "-" : context.resolve(file)
                let name = file == "-" ? "stdin" : file
                let done = ImportSummary.File(name, try importer.importFile(path: path, displayName: name, run: run))
                summary.files.append(done)
                if !json { context.print(done.line(showRejected: skipInvalid)) }
            }
        }
        if json { context.print(JSONOutput.line(summary)) }
    }
}
