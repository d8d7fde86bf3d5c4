import Foundation
import Formats

/// `dsbench validate`: checks any JSON or JSONL file, ours or not, against what a trainer accepts, with
/// the same rules `export --check` applies, and counts the records the trainer would drop or reject.
public struct ValidateCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "validate",
        abstract: "Check a dataset file against what LLaMA-Factory, OpenAI fine-tuning or TRL accepts.",
        discussion: "Reads a JSON array or JSONL file record by record. llamafactory: the columns and tags of "
            + "the file's dataset_info.json entry (with --dataset-info; otherwise inferred: conversations → "
            + "ShareGPT from/value/human/gpt, messages → role/content/user/assistant, else Alpaca), roles that "
            + "alternate after an optional system turn, string contents, tools as a JSON string, non-empty "
            + "prompt and response. openai: roles, content types, tool_calls and tools shapes, at least one "
            + "assistant message, weight 0/1 on assistant messages only. trl: messages, prompt + completion, "
            + "or text. Every target: a top-level key keeps one JSON type across records. Exits 1 when any "
            + "record is flagged.",
        arguments: [ArgumentSpec("file", help: "The JSON or JSONL file to check.")],
        options: [
            .option("--for", value: "trainer", help: "Whose rules to apply.",
                    allowed: TrainerTarget.allCases.map(\.rawValue)),
            .option("--dataset-info", value: "dir", help: "Read the file's entry in DIR/dataset_info.json (llamafactory)."),
            .option("--show", value: "n", help: "Print the first n flagged records.", default: "5"),
        ],
        examples: [
            "dsbench validate data/chat.json --for llamafactory --dataset-info data",
            "dsbench validate train.jsonl --for openai",
            "dsbench validate sft.jsonl --for trl --show 20",
        ])

    let file: String
    let target: TrainerTarget
    let datasetInfo: String?
    let show: Int

    public init(arguments: ParsedArguments) throws(UsageError) {
        guard let file = arguments.positionals.first else { throw UsageError("give the FILE to check") }
        guard let name = arguments.string("for"), let target = TrainerTarget(rawValue: name) else {
            throw UsageError("--for is required: llamafactory, openai or trl")
        }
        self.file = file
        self.target = target
        datasetInfo = arguments.string("dataset-info")
        show = try arguments.int("show", minimum: 0) ?? 5
        if datasetInfo != nil, target != .llamafactory { throw UsageError("--dataset-info only matters with --for llamafactory") }
    }

    public func run(context: CommandContext) throws {
        let path = context.resolve(file)
        let entry = try datasetInfo.map { try Self.entry(for: path, in: context.resolve($0)) }
        let checker = try check(path: path, entry: entry)
        context.print("\(file): \(checker.checked) records checked against \(checker.rules.first?.trainer ?? target.rawValue); \(checker.flagged) flagged")
        for (reason, count) in checker.sortedCounts { context.print("  \(count) \(reason)") }
        for finding in checker.findings { context.print("  \(finding.label): \(finding.reasons.joined(separator: "; "))") }
        if checker.flagged > 0 {
            throw CommandError.failed("\(checker.flagged) of \(checker.checked) records would be dropped or misread")
        }
    }

    /// Every record through the target's rules (chosen from the entry or the first record).
    private func check(path: String, entry: DatasetInfoEntry?) throws -> RecordChecker {
        do {
            return try Self.check(path: path, target: target, entry: entry, show: show)
        } catch {
            throw CommandError.data(file: file, line: error.line, field: error.field, reason: error.reason)
        }
    }

    private static func check(
        path: String, target: TrainerTarget, entry: DatasetInfoEntry?, show: Int
    ) throws(FormatError) -> RecordChecker {
        let reader = try JSONRecordReader(path: path)
        var checker: RecordChecker?
        while let item = try reader.next() {
            switch item {
            case .success(let record):
                if checker == nil { checker = RecordChecker(rules: [target.rules(first: record.fields, entry: entry)], keep: show) }
                checker?.check(record.fields, label: "line \(record.line)")
            case .failure(let problem):
                if checker == nil { checker = RecordChecker(rules: [target.rules(first: [:], entry: entry)], keep: show) }
                checker?.reject(problem.reason, label: "line \(problem.line)")
            }
        }
        return checker ?? RecordChecker(rules: [target.rules(first: [:], entry: entry)], keep: show)
    }

    /// The entry of `DIR/dataset_info.json` whose `file_name` names the file as `export --dataset-info` writes it
    /// (relative to DIR, or absolute for a file outside DIR).
    static func entry(for path: String, in directory: String) throws -> DatasetInfoEntry {
        let infoPath = (directory as NSString).appendingPathComponent("dataset_info.json")
        guard let data = FileManager.default.contents(atPath: infoPath) else {
            throw CommandError.data(file: infoPath, line: 0, field: nil, reason: "cannot read the file")
        }
        guard let entries = (try? JSONValue.parse([UInt8](data)))?.objectValue else {
            throw CommandError.data(file: infoPath, line: 1, field: nil, reason: "not a JSON object")
        }
        let fileName = DatasetInfoEntry.fileName(for: path, in: directory)
        for name in entries.keys.sorted() {
            if let entry = DatasetInfoEntry(entries[name]!), entry.fileName == fileName { return entry }
        }
        throw CommandError.data(file: infoPath, line: 0, field: nil, reason: "no entry has file_name '\(fileName)'")
    }
}
