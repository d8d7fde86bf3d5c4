import Foundation
import Report
import Store

/// `dsbench report`: one self-contained HTML page about the dataset — counts, funnel, lengths, filter
/// failures, scores, duplicates, cost, diversity and a reproducible sample — to open in any browser.
public struct ReportCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "report",
        abstract: "Write one self-contained HTML report of the dataset (charts, tables, a sample).",
        discussion: "Sections: counts by origin, language and task type; the generation/evolution funnel by depth "
            + "and strategy; length histograms per language (words, or characters for CJK); failures per filter "
            + "rule with three examples each; score distributions; duplicate clusters; tokens and cost per run and "
            + "purpose with model and endpoint; the most common leading words of instructions; a sample of N "
            + "rows with verdicts, score and lineage. Charts are inline SVG and nothing is loaded from the network. "
            + "--where selects rows of the examples view (runs and costs always cover the whole database). The "
            + "file is written to a temporary name and renamed when complete.",
        options: [
            .option("--output", short: "-o", value: "file", help: "The HTML file to write.", default: "report.html"),
            .option("--where", value: "sql", help: "SQL condition on the examples view."),
            .option("--sample", value: "n", help: "Rows in the sample section.", default: "50"),
            .option("--seed", value: "n", help: "Seed that draws the sample.", default: "0"),
        ],
        examples: [
            "dsbench report -o report.html",
            "dsbench report --where \"language = 'zh'\" --sample 100 --seed 7 -o zh.html",
        ])

    let output: String
    let condition: WhereCondition?
    let sampleSize: Int
    let seed: UInt64

    public init(arguments: ParsedArguments) throws(UsageError) {
        output = arguments.string("output") ?? "report.html"
        condition = WhereCondition(arguments.string("where"))
        sampleSize = try arguments.int("sample", minimum: 0) ?? 50
        seed = try arguments.uint64("seed") ?? 0
    }

    public func run(context: CommandContext) throws {
        let database = try context.openDatabase(create: false)
        let collector = ReportCollector(database: database, condition: condition, sampleSize: sampleSize, seed: seed,
                                        interrupt: context.interrupt)
        let report = try collector.collect(
            title: (context.databasePath as NSString).lastPathComponent,
            generatedAt: ISO8601DateFormatter().string(from: Date()))
        let html = ReportRenderer.render(report)
        let path = context.resolve(output)
        let file = try ExportFile(path: path)
        try file.write(Array(html.utf8))
        try file.commit()
        context.printError("wrote \(path) (\(html.utf8.count / 1024) KiB: \(report.instructions) instructions, "
            + "\(report.sample.count) sampled rows); open it in a browser")
    }
}
