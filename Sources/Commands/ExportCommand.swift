import Synthesis
import Foundation
import Formats
import Store

/// `dsbench export`: writes the selected rows of the `examples` view in one of `ExportLayouts.all`, optionally
/// split, shuffled, checked against the trainer's rules and registered in a LLaMA-Factory `dataset_info.json`.
public struct ExportCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "export",
        abstract: "Export examples as Alpaca, ShareGPT, OpenAI messages or JSONL, or preference pairs for DPO/KTO.",
        discussion: "Reads the examples view. By default only rows with an output that failed no filter and are "
            + "not duplicates are written (" + ExampleSelection.defaultCondition + "); --all lifts that. Rows "
            + "come in instruction_id, sample_index order. Output is JSONL unless --json-array. The file is "
            + "written to a temporary name and renamed when complete. With --split train=0.9,test=0.1 and "
            + "-o data/out.json the files are data/out_train.json and data/out_test.json. Conversations are written "
            + "with the roles and keys the layout declares; turns the trainer would not accept are repaired, "
            + "skipped or kept as --turns says, and every row left out is counted by reason. --check validates "
            + "each written record against the trainer's rules (LLaMA-Factory for alpaca/sharegpt and whenever "
            + "--dataset-info is given, OpenAI fine-tuning for openai) before the file is renamed into place.",
        options: [
            .option("--format", value: "format", help: "Output layout: "
                    + (ExportLayouts.all.map { "\($0.name) = \($0.summary)" } + PreferenceLayouts.all.map { "\($0.name) = \($0.summary)" })
                        .joined(separator: "; ") + ".",
                    default: "alpaca", allowed: ExportLayouts.all.map(\.name) + PreferenceLayouts.all.map(\.name)),
            .option("--turns", value: "policy", help: "Turns the target does not accept: merge (repair), skip, keep. "
                    + "Default merge for alpaca/sharegpt, keep for openai.", allowed: TurnPolicy.allCases.map(\.rawValue)),
            .flag("--lossy", help: "Write records the layout cannot fully carry (tool turns in Alpaca), counting what was lost."),
            .flag("--check", help: "Validate every record against the trainer's rules (on with --dataset-info)."),
            .flag("--strict", help: "Fail (exit 1, no file written) if any row is skipped or flagged by the check; needs -o."),
            .flag("--force", help: "Replace a dataset_info.json entry that points at another file or formatting."),
            .option("--output", short: "-o", value: "file", help: "Output file (default: stdout)."),
            .flag("--json-array", help: "Write one indented JSON array instead of JSON Lines."),
            .option("--where", value: "sql", help: "Extra SQL condition on the examples view."),
            .flag("--all", help: "Do not apply the default selection."),
            .option("--min-score", value: "x", help: "Keep rows whose best score (0-10) is at least x."),
            .option("--limit", value: "n", help: "Write at most n rows."),
            .flag("--shuffle", help: "Shuffle rows (deterministic with --seed)."),
            .option("--seed", value: "n", help: "Seed for --shuffle and --split.", default: "0"),
            .option("--split", value: "name=fraction,...", help: "Write several files, e.g. train=0.9,test=0.1."),
            .option("--dataset-info", value: "dir", help: "Write or merge DIR/dataset_info.json for LLaMA-Factory."),
            .option("--kto-threshold", value: "x", help: "trl-kto: a rating of at least x (0-10) is desirable.", default: "7"),
            .option("--kto-scorer", value: "name", help: "trl-kto: whose ratings label answers (judge, pairwise, ...).", default: "judge"),
            .flag("--json", help: "Print the summary (records per file, skipped by reason, flagged) as one JSON line on stdout; needs -o."),
        ],
        examples: [
            "dsbench export --format alpaca -o data/train.json --json-array",
            "dsbench export --format sharegpt --min-score 7 -o sft.jsonl",
            "dsbench export --format alpaca --json-array --split train=0.9,test=0.1 --seed 42 -o data/zh.json --dataset-info data",
            "dsbench export --format jsonl --all --where \"language = 'zh'\" > zh.jsonl",
            "dsbench export --format sharegpt --turns skip --strict -o data/chat.json --dataset-info data",
            "dsbench export --format sharegpt-preference -o data/dpo.json --json-array --dataset-info data",
            "dsbench export --format trl-kto --kto-threshold 7 -o kto.jsonl",
        ])

    let layout: any ExportLayout
    let exportOptions: ExportOptions
    let check: Bool
    let strict: Bool
    let force: Bool
    let output: String?
    let jsonArray: Bool
    /// `--json`: the summary as one JSON line on stdout (the records go to the -o file).
    let json: Bool
    let selection: ExampleSelection
    let shuffle: Bool
    let seed: UInt64
    let split: SplitPlan?
    let datasetInfo: String?
    /// Rows to write at most; applied in SQL, or after the shuffle with --shuffle.
    let limit: Int?
    /// Set for the preference layouts, which read `latest_preferences` (or rated answers) instead of `examples`.
    let preference: PreferenceExport?

    public init(arguments: ParsedArguments) throws(UsageError) {
        preference = try Self.preferenceExport(arguments)
        layout = ExportLayouts.named(arguments.string("format") ?? "alpaca") ?? AlpacaLayout()
        exportOptions = ExportOptions(
            turns: arguments.string("turns").flatMap(TurnPolicy.init(rawValue:)), lossy: arguments.flag("lossy"))
        strict = arguments.flag("strict")
        force = arguments.flag("force")
        output = arguments.string("output")
        jsonArray = arguments.flag("json-array")
        json = arguments.flag("json")
        if json, output == nil {
            throw UsageError("--json needs -o FILE: without it the records are written to stdout, where the summary goes")
        }
        var selection = ExampleSelection()
        selection.all = arguments.flag("all")
        selection.condition = WhereCondition(arguments.string("where"))
        selection.minScore = try arguments.double("min-score", in: 0...10)
        if layout.needsAllColumns { selection.columns = nil }
        shuffle = arguments.flag("shuffle")
        let limit = try arguments.int("limit", minimum: 0)
        // With --shuffle the limit applies after shuffling, so SQL must not cut first.
        selection.limit = shuffle ? nil : limit
        self.limit = limit
        self.selection = selection
        seed = try arguments.uint64("seed") ?? 0
        split = try arguments.string("split").map { text throws(UsageError) in try SplitPlan(parsing: text) }
        datasetInfo = arguments.string("dataset-info")
        if split != nil, output == nil { throw UsageError("--split needs -o FILE to name the split files") }
        if datasetInfo != nil, output == nil { throw UsageError("--dataset-info needs -o FILE") }
        if force, datasetInfo == nil { throw UsageError("--force only matters with --dataset-info") }
        if strict, output == nil { throw UsageError("--strict needs -o FILE (what went to stdout cannot be taken back)") }
        check = arguments.flag("check") || strict || datasetInfo != nil
        if datasetInfo != nil, layout.datasetInfoEntry(fileName: "", keys: []) == nil {
            throw UsageError("--dataset-info: LLaMA-Factory cannot read --format \(layout.name); use alpaca, sharegpt or openai")
        }
        if arguments.string("seed") != nil, !shuffle, split == nil {
            throw UsageError("--seed only matters with --shuffle or --split")
        }
    }

    public func run(context: CommandContext) throws {
        let started = Date()
        let database = try context.openDatabase(create: false)
        let written = try preference.map { try writePreferences($0, database: database, context: context) }
            ?? writeExamples(database: database, context: context)
        if json {
            let format = preference?.layout.name ?? layout.name
            context.print(JSONOutput.line(ExportReport(format: format, written: written, seconds: Date().timeIntervalSince(started))))
        }
    }

    /// The `examples` layouts: one file (or stdout), or one file per `--split` part; returns what each file got.
    private func writeExamples(database: Database, context: CommandContext) throws -> [(String, ExportSummary)] {
        try selection.validate(in: database)
        let exporter = ExampleExporter(
            layout: layout, options: exportOptions, jsonArray: jsonArray, rules: check ? trainerRules : [],
            interrupt: context.interrupt)
        let outputPath = output.map(context.resolve)
        if let split, let outputPath {
            return try writeSplit(split, rows: selectedRows(exporter, database), to: outputPath, exporter: exporter, context: context)
        }
        let target = try outputPath.map { try ExportFile(path: $0) }
        // Without --shuffle the rows stream straight from the query; a shuffle needs them all first.
        let summary = shuffle
            ? try exporter.write(selectedRows(exporter, database), to: target, stdout: context.stdout)
            : try exporter.stream(
                database: database, selection: selection, to: target, stdout: context.stdout,
                // Progress only beside a file: on a terminal stdout the records themselves are the output.
                progress: StepProgress(label: "export", unit: "rows", total: 0, sink: context.stderr,
                                       enabled: context.stderrIsTerminal && target != nil && !json))
        return try finish([(outputPath ?? "stdout", summary)], files: target.map { [$0] } ?? [], context: context)
    }

    /// The rules `--check` applies: the layout's trainer, and LLaMA-Factory's reading of the registered entry.
    private var trainerRules: [any TrainerRules] {
        var rules: [any TrainerRules] = []
        if let own = layout.trainerRules { rules.append(own) }
        if datasetInfo != nil, let entry = layout.datasetInfoEntry(fileName: "", keys: Self.optionalColumns) {
            let registered = LlamaFactoryRules(entry: entry)
            if !rules.contains(where: { $0.trainer == registered.trainer }) { rules.append(registered) }
        }
        return rules
    }

    /// Every optional column a layout may register, so the check reads the fullest entry.
    static let optionalColumns: Set<String> = ["system", "tools", "history"]

    /// Reports each file, refuses with `--strict` (the files are discarded, nothing is renamed into place),
    /// then commits the files and registers them; returns `written` for the `--json` summary.
    private func finish(
        _ written: [(String, ExportSummary)], files: [ExportFile], registration: DatasetInfoRegistration? = nil,
        context: CommandContext
    ) throws -> [(String, ExportSummary)] {
        // "wrote" only once the file is in place: a --strict or dataset_info.json refusal writes nothing.
        func report(wrote: Bool) {
            for (path, summary) in written {
                if output != nil {
                    context.printError(wrote ? "wrote \(summary.count) records to \(path)" : "\(path): \(summary.count) records not written")
                }
                for line in summary.reportLines { context.printError(line) }
            }
        }
        let faults = written.reduce(0) { $0 + $1.1.faults }
        if strict, faults > 0 {
            for file in files { file.discard() }
            report(wrote: false)
            throw CommandError.failed("--strict: \(faults) rows skipped or flagged; no file written")
        }
        // A conflicting dataset_info.json entry is refused before any file is renamed into place.
        let plan: DatasetInfoRegistration.Plan?
        do {
            plan = try datasetInfo.map { directory in
                try (registration ?? DatasetInfoRegistration(directory: context.resolve(directory), layout: layout, force: force)).plan(written)
            }
        } catch {
            for file in files { file.discard() }
            report(wrote: false)
            throw error
        }
        for file in files { try file.commit() }
        // With --json the summary on stdout says what the success lines would.
        if !json { report(wrote: true) }
        if let plan {
            try plan.write()
            for message in plan.messages { context.printError(message) }
        }
        return written
    }

    /// The preference export for a preference `--format`, refusing the options that select or repair
    /// `examples` rows (preference layouts check their records themselves).
    private static func preferenceExport(_ arguments: ParsedArguments) throws(UsageError) -> PreferenceExport? {
        guard let layout = PreferenceLayouts.named(arguments.string("format") ?? "") else {
            for option in ["kto-threshold", "kto-scorer"] where arguments.string(option) != nil {
                throw UsageError("--\(option) applies to --format trl-kto")
            }
            return nil
        }
        let given = Set(arguments.ordered.map(\.key))
        for option in ["where", "all", "min-score", "shuffle", "split", "seed"] where given.contains(option) {
            throw UsageError("--\(option) does not apply to --format \(layout.name): it exports the pairs of the latest 'dsbench preferences' run; select there (--where, --min-margin)")
        }
        for option in ["turns", "lossy", "check"] where given.contains(option) {
            throw UsageError("--\(option) does not apply to --format \(layout.name): preference layouts always check their records and skip what the trainer cannot read")
        }
        if !layout.isUnpaired, let option = ["kto-threshold", "kto-scorer"].first(where: { arguments.string($0) != nil }) {
            throw UsageError("--\(option) applies to --format trl-kto")
        }
        if arguments.string("dataset-info") != nil, layout.datasetInfoEntry(fileName: "", keys: []) == nil {
            throw UsageError("--dataset-info applies to LLaMA-Factory layouts (alpaca-preference, sharegpt-preference), not \(layout.name)")
        }
        return PreferenceExport(
            layout: layout, jsonArray: arguments.flag("json-array"), limit: try arguments.int("limit", minimum: 0),
            ktoScorer: arguments.string("kto-scorer") ?? "judge",
            ktoThreshold: try arguments.double("kto-threshold", in: 0...10) ?? 7)
    }

    /// Writes a preference layout to -o (renamed into place when complete) or stdout, then registers it.
    private func writePreferences(
        _ export: PreferenceExport, database: Database, context: CommandContext
    ) throws -> [(String, ExportSummary)] {
        let outputPath = output.map(context.resolve)
        let target = try outputPath.map { try ExportFile(path: $0) }
        let summary = try export.write(database: database, to: target, stdout: context.stdout, interrupt: context.interrupt)
        let registration = datasetInfo.map { directory in
            DatasetInfoRegistration(directory: context.resolve(directory), force: force) { export.layout.datasetInfoEntry(fileName: $0, keys: $1) }
        }
        return try finish([(outputPath ?? "stdout", summary)], files: target.map { [$0] } ?? [], registration: registration, context: context)
    }

    /// Every selected row in memory, shuffled with --shuffle and then cut to --limit.
    private func selectedRows(_ exporter: ExampleExporter, _ database: Database) throws -> [ExampleExporter.SelectedRow] {
        var rows = try exporter.collect(database: database, selection: selection)
        if shuffle {
            var generator = SplitMix64(seed: seed)
            generator.shuffle(&rows)
        }
        if let limit, rows.count > limit { rows.removeLast(rows.count - limit) }
        return rows
    }

    /// One file per split part; all are renamed into place only after every part was written.
    private func writeSplit(
        _ split: SplitPlan, rows: [ExampleExporter.SelectedRow], to outputPath: String, exporter: ExampleExporter, context: CommandContext
    ) throws -> [(String, ExportSummary)] {
        let assignment = split.assignments(count: rows.count, seed: seed)
        var written: [(String, ExportSummary)] = []
        var files: [ExportFile] = []
        for (index, part) in split.parts.enumerated() {
            let path = Self.splitPath(outputPath, part: part.name)
            let file = try ExportFile(path: path)
            files.append(file)
            let partRows = zip(rows, assignment).filter { $0.1 == index }.map(\.0)
            written.append((path, try exporter.write(partRows, to: file, stdout: context.stdout)))
        }
        return try finish(written, files: files, context: context)
    }

    /// `data/out.json` + `train` → `data/out_train.json`.
    static func splitPath(_ path: String, part: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        let ext = url.pathExtension
        let name = ext.isEmpty ? "\(stem)_\(part)" : "\(stem)_\(part).\(ext)"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }
}
