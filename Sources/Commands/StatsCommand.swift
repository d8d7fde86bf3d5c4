import Foundation
import Store

/// `dsbench stats`: the dataset at a glance — what is in it, how long, what passed, what repeats, what it cost.
public struct StatsCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "stats",
        abstract: "Summarise the dataset: counts, lengths, verdict pass rates, duplicates, runs.",
        discussion: "Counts by origin, language, task type, depth and strategy; length percentiles (characters and "
            + "estimated tokens) of instructions and outputs; pass rates per filter (latest verdicts); active "
            + "duplicates per method; yield of evolution by strategy and depth; runs with their totals.",
        options: [.flag("--json", help: "Print one JSON object instead of text.")],
        examples: ["dsbench stats", "dsbench stats --json | jq .verdicts"])

    let json: Bool

    public init(arguments: ParsedArguments) throws(UsageError) { json = arguments.flag("json") }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        // On a terminal, a stats run longer than a second shows the rows its scans have read.
        let progress = StepProgress(label: "stats", unit: "rows", total: 0, sink: context.stderr, enabled: context.stderrIsTerminal)
        let report = try StatsReport.collect(database, progress: progress)
        if json {
            let data = try JSONSerialization.data(withJSONObject: report.jsonObject, options: [.prettyPrinted, .sortedKeys])
            context.print(String(decoding: data, as: UTF8.self))
        } else {
            context.stdout.write(report.text)
        }
    }
}
