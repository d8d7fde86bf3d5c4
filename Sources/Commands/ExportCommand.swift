import Synthesis
import Foundation
import Formats
import Store

/// `dsbench export`: writes the selected rows of the `examples` view as Alpaca, ShareGPT, OpenAI messages or
/// raw JSONL, optionally split, shuffled, and registered in a LLaMA-Factory `dataset_info.json`.
public struct ExportCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "export",
        abstract: "Export examples as Alpaca, ShareGPT, OpenAI messages or JSONL.",
        discussion: "Reads the examples view. By default only rows with an output that failed no filter and are "
            + "not duplicates are written (" + ExampleSelection.defaultCondition + "); --all lifts that. Rows "
            + "come in instruction_id, sample_index order. Output is JSONL unless --json-array. The file is "
            + "written to a temporary name and renamed when complete. With --split train=0.9,test=0.1 and "
            + "-o data/out.json the files are data/out_train.json and data/out_test.json.",
        options: [
            .option("--format", value: "format", help: "Output layout.", default: "alpaca",
                    allowed: ExportFormat.allCases.map(\.rawValue)),
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
        ],
        examples: [
            "dsbench export --format alpaca -o data/train.json --json-array",
            "dsbench export --format sharegpt --min-score 7 -o sft.jsonl",
            "dsbench export --format alpaca --json-array --split train=0.9,test=0.1 --seed 42 -o data/zh.json --dataset-info data",
            "dsbench export --format jsonl --all --where \"language = 'zh'\" > zh.jsonl",
        ])

    let format: ExportFormat
    let output: String?
    let jsonArray: Bool
    let selection: ExampleSelection
    let shuffle: Bool
    let seed: UInt64
    let split: SplitPlan?
    let datasetInfo: String?
    /// Rows to write at most; applied in SQL, or after the shuffle with --shuffle.
    let limit: Int?

    public init(arguments: ParsedArguments) throws(UsageError) {
        format = ExportFormat(rawValue: arguments.string("format") ?? "alpaca") ?? .alpaca
        output = arguments.string("output")
        jsonArray = arguments.flag("json-array")
        var selection = ExampleSelection()
        selection.all = arguments.flag("all")
        selection.condition = WhereCondition(arguments.string("where"))
        selection.minScore = try arguments.double("min-score", in: 0...10)
        shuffle = arguments.flag("shuffle")
        let limit = try arguments.int("limit", minimum: 0)
        // With --shuffle the limit applies after shuffling, so SQL must not cut first.
        selection.limit = shuffle ? nil : limit
        self.limit = limit
        self.selection = selection
        guard let seedValue = UInt64(arguments.string("seed") ?? "0") else {
            throw UsageError("--seed expects a non-negative integer, got '\(arguments.string("seed") ?? "")'")
        }
        seed = seedValue
        split = try arguments.string("split").map { text throws(UsageError) in try SplitPlan(parsing: text) }
        datasetInfo = arguments.string("dataset-info")
        if split != nil, output == nil { throw UsageError("--split needs -o FILE to name the split files") }
        if datasetInfo != nil, output == nil { throw UsageError("--dataset-info needs -o FILE") }
        if arguments.string("seed") != nil, !shuffle, split == nil {
            throw UsageError("--seed only matters with --shuffle or --split")
        }
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        try selection.validate(in: database)
        let exporter = ExampleExporter(format: format, jsonArray: jsonArray, interrupt: context.interrupt)
        let outputPath = output.map(context.resolve)
        if let split, let outputPath {
            try writeSplit(split, rows: selectedRows(exporter, database), to: outputPath, exporter: exporter, context: context)
            return
        }
        let target = try outputPath.map { try ExportFile(path: $0) }
        // Without --shuffle the rows stream straight from the query; a shuffle needs them all first.
        let summary = shuffle
            ? try exporter.write(selectedRows(exporter, database), to: target, stdout: context.stdout)
            : try exporter.stream(database: database, selection: selection, to: target, stdout: context.stdout)
        try target?.commit()
        if let outputPath {
            context.printError("wrote \(summary.count) records to \(outputPath)")
            try registerDatasetInfo([(outputPath, summary)], context: context)
        }
    }

    /// Every selected row in memory, shuffled with --shuffle and then cut to --limit.
    private func selectedRows(_ exporter: ExampleExporter, _ database: Database) throws -> [Row] {
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
        _ split: SplitPlan, rows: [Row], to outputPath: String, exporter: ExampleExporter, context: CommandContext
    ) throws {
        let assignment = split.assignments(count: rows.count, seed: seed)
        var written: [(String, ExampleExporter.Summary)] = []
        var files: [ExportFile] = []
        for (index, part) in split.parts.enumerated() {
            let path = Self.splitPath(outputPath, part: part.name)
            let file = try ExportFile(path: path)
            files.append(file)
            let partRows = zip(rows, assignment).filter { $0.1 == index }.map(\.0)
            written.append((path, try exporter.write(partRows, to: file, stdout: context.stdout)))
        }
        for file in files { try file.commit() }
        for (path, summary) in written { context.printError("wrote \(summary.count) records to \(path)") }
        try registerDatasetInfo(written, context: context)
    }

    /// `data/out.json` + `train` → `data/out_train.json`.
    static func splitPath(_ path: String, part: String) -> String {
        let url = URL(fileURLWithPath: path)
        let stem = url.deletingPathExtension().lastPathComponent
        let ext = url.pathExtension
        let name = ext.isEmpty ? "\(stem)_\(part)" : "\(stem)_\(part).\(ext)"
        return url.deletingLastPathComponent().appendingPathComponent(name).path
    }

    private func registerDatasetInfo(_ files: [(String, ExampleExporter.Summary)], context: CommandContext) throws {
        guard let datasetInfo else { return }
        let directory = context.resolve(datasetInfo)
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let infoPath = (directory as NSString).appendingPathComponent("dataset_info.json")
        var bytes = FileManager.default.contents(atPath: infoPath).map { [UInt8]($0) }
        for (path, summary) in files {
            let standardDirectory = URL(fileURLWithPath: directory).standardizedFileURL.path + "/"
            let standardPath = URL(fileURLWithPath: path).standardizedFileURL.path
            let fileName = standardPath.hasPrefix(standardDirectory) ? String(standardPath.dropFirst(standardDirectory.count)) : standardPath
            let name = URL(fileURLWithPath: path).deletingPathExtension().lastPathComponent
            let entry = DatasetInfoEntry(
                fileName: fileName, format: format, hasSystem: summary.hasSystem, hasHistory: summary.hasHistory,
                hasTools: summary.hasTools)
            do {
                bytes = try entry.merged(into: bytes, name: name)
            } catch {
                throw CommandError.data(file: infoPath, line: error.line, field: error.field, reason: error.reason)
            }
        }
        let file = try ExportFile(path: infoPath)
        try file.write(bytes ?? [])
        try file.commit()
        context.printError("registered \(files.count) dataset(s) in \(infoPath)")
    }
}
