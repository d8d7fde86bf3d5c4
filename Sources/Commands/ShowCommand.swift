import Foundation
import Store

/// `dsbench show ID`: one instruction with everything known about it — where it came from, what it became,
/// its answers, the verdicts and scores on it, its duplicate links, and the runs that made them.
public struct ShowCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Show one instruction with its lineage, completions, verdicts, scores and duplicates.",
        arguments: [ArgumentSpec("id", help: "The instruction id (instructions.id).")],
        options: [.flag("--json", help: "Print one JSON object instead of text.")],
        examples: ["dsbench show 42", "dsbench show 42 --json"])

    let id: Int64
    let json: Bool

    public init(arguments: ParsedArguments) throws(UsageError) {
        guard let id = Int64(arguments.positionals[0]), id > 0 else {
            throw UsageError("<id> must be a positive integer, got '\(arguments.positionals[0])'")
        }
        self.id = id
        json = arguments.flag("json")
    }

    public func run(context: CommandContext) throws {
        let report = try InstructionReport(try context.openDatabase(create: false), id: id)
        if json {
            context.print(report.json)
        } else {
            context.stdout.write(report.text)
        }
    }
}
