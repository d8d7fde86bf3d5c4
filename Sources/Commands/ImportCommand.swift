import Formats
import Store
import Synthesis

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
            + "and role is skipped. With --as documents, .txt, .md and JSON/JSONL files (directories recursively) "
            + "become documents cut into chunks for 'generate --from documents': by headings and paragraphs, at "
            + "most --chunk-tokens estimated tokens with --overlap, never splitting a code block, table or sentence "
            + "when a boundary is near; each chunk keeps its heading path and line range.",
        arguments: [ArgumentSpec("file", help: "Files to import; '-' reads stdin.", variadic: true)],
        options: [
            .option("--format", value: "format", help: "Input format.", default: "auto",
                    allowed: ["auto"] + SourceFormat.allCases.map(\.rawValue)),
            .option("--as", value: "role", help: "Store as seeds (origin 'seed'), examples (origin 'imported') or "
                    + "documents (chunked passages for grounded Q&A); self-instruct files default to seeds.",
                    allowed: ["seeds", "examples", "documents"]),
            .option("--map", value: "src=dst,...", help: "Rename fields before mapping, e.g. question=instruction,answer=output; "
                    + "with --as documents, the JSON field holding the text (FIELD or FIELD=text; default text, then content)."),
            .option("--chunk-tokens", value: "n", help: "With --as documents: most estimated tokens per chunk (CJK per character).", default: "512"),
            .option("--overlap", value: "n", help: "With --as documents: tokens of whole sentences repeated between chunks.", default: "64"),
            .option("--glob", value: "pattern", help: "With --as documents: only files whose name matches (e.g. '*.md')."),
            .flag("--skip-invalid", help: "Store bad records in 'rejects' and import the rest (--as documents: refuse bad files, import the others)."),
            .flag("--json", help: "Print one JSON object with a summary per file instead of a line per file."),
        ],
        examples: [
            "dsbench import alpaca_data.json",
            "dsbench import seed_tasks.jsonl --as seeds",
            "dsbench import qa.csv --map question=instruction,answer=output --skip-invalid",
            "cat prompts.txt | dsbench import - --format text",
            "dsbench import a.jsonl b.csv --json",
            "dsbench import docs/ --as documents --glob '*.md' --chunk-tokens 400",
        ])

    let files: [String]
    let format: SourceFormat?
    let role: String?
    let renaming: FieldRenaming
    let skipInvalid: Bool
    let json: Bool
    let documents: DocumentOptions?
    let arguments: ParsedArguments

    public init(arguments: ParsedArguments) throws(UsageError) {
        self.arguments = arguments
        files = arguments.positionals
        guard !files.isEmpty else { throw UsageError("give at least one file to import ('-' for stdin)") }
        let formatName = arguments.string("format") ?? "auto"
        format = formatName == "auto" ? nil : SourceFormat(rawValue: formatName)
        role = arguments.string("as")
        documents = role == "documents" ? try DocumentOptions(arguments: arguments) : nil
        if documents == nil {
            for name in ["chunk-tokens", "overlap", "glob"] where arguments.string(name) != nil {
                throw UsageError("--\(name) applies only with --as documents")
            }
        }
        do {
            renaming = documents == nil ? try FieldRenaming(parsing: arguments.string("map") ?? "") : FieldRenaming()
        } catch {
            throw UsageError("--map: \(error.reason)")
        }
        skipInvalid = arguments.flag("skip-invalid")
        json = arguments.flag("json")
        if files.filter({ $0 == "-" }).count > 1 { throw UsageError("stdin ('-') can be read only once") }
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase()
        if let documents {
            return try importDocuments(documents, database: database, context: context)
        }
        var summary = ImportSummary()
        try RunRecorder.record(database, arguments: arguments) { run in
            summary.runID = run.runID
            let importer = FileImporter(
                database: database, runID: run.runID, format: format, role: role, renaming: renaming,
                skipInvalid: skipInvalid, interrupt: context.interrupt,
                progressSink: context.stderrIsTerminal && !json ? context.stderr : nil)
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

    /// `--as documents`: every file (or directory, recursively) becomes documents and chunks.
    private func importDocuments(_ options: DocumentOptions, database: Database, context: CommandContext) throws {
        guard !files.contains("-") else { throw CommandError.failed("--as documents reads files and directories, not stdin") }
        var summary = DocumentImportSummary()
        try RunRecorder.record(database, arguments: arguments) { run in
            summary.runID = run.runID
            let importer = DocumentImporter(
                database: database, reader: DocumentFileReader(textField: options.textField),
                chunker: DocumentChunker(maxTokens: options.chunkTokens, overlap: options.overlap),
                glob: options.glob, interrupt: context.interrupt)
            for file in files {
                for entry in try importer.files(under: context.resolve(file), displayName: file) {
                    let outcome: DocumentImporter.FileOutcome
                    do {
                        outcome = try importer.importFile(path: entry.path, displayName: entry.display, run: run)
                    } catch CommandError.data(_, let line, _, let reason) where skipInvalid {
                        // --skip-invalid: a file that cannot be a document (binary, invalid UTF-8, empty, bad JSON)
                        // is refused on its own, nothing of it stored, and the rest of the files are imported.
                        let refused = DocumentImportSummary.File(
                            file: entry.display, documents: 0, chunks: 0, skipped: 0, refused: line > 0 ? "line \(line): \(reason)" : reason)
                        summary.files.append(refused)
                        if !json { context.print(refused.line) }
                        continue
                    }
                    let done = DocumentImportSummary.File(
                        file: entry.display, documents: outcome.documents, chunks: outcome.chunks, skipped: outcome.skipped)
                    summary.files.append(done)
                    if !json { context.print(done.line) }
                }
            }
        }
        if json { context.print(JSONOutput.line(summary)) }
    }
}
