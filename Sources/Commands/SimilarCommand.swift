import Curation
import Foundation
import Store

/// `dsbench similar`: the instructions in the database most similar to a text by ROUGE-L F — the same
/// engine and scores the generation gate uses to reject near-copies.
public struct SimilarCommand: CommandDefinition {
    public static let configuration = CommandConfiguration(
        name: "similar",
        abstract: "Show the instructions most similar to a text (ROUGE-L F, CJK per character).",
        discussion: "Scores are rouge_score's rougeL F-measure (stored instruction as target, the query as "
            + "prediction), identical to Python rouge_score on non-CJK text; Chinese, Japanese and Korean are "
            + "compared per character. With --file, every non-empty line is a query ('-' reads stdin).",
        arguments: [ArgumentSpec("text", help: "The query text.", optional: true)],
        options: [
            .option("--file", value: "file", help: "Queries, one per line."),
            .option("--top", value: "k", help: "How many matches per query.", default: "5"),
            .flag("--json", help: "Print JSON (one object per query)."),
        ],
        examples: [
            "dsbench similar \"Write a poem about the sea\"",
            "dsbench similar --top 3 \"写一首关于大海的诗\"",
            "dsbench similar --file new_instructions.txt --top 1 --json",
        ])

    let text: String?
    let file: String?
    let top: Int
    let json: Bool

    public init(arguments: ParsedArguments) throws(UsageError) {
        text = arguments.positionals.first
        file = arguments.string("file")
        top = try arguments.int("top", minimum: 1) ?? 5
        json = arguments.flag("json")
        if text == nil && file == nil { throw UsageError("give a TEXT or --file FILE") }
        if text != nil && file != nil { throw UsageError("give either a TEXT or --file, not both") }
    }

    public func run(context: CommandContext) throws {
        let queries = try loadQueries(context)
        let database = try context.openDatabase(create: false)
        var ids: [Int64] = []
        var texts: [String] = []
        try database.forEachRow("SELECT id, instruction FROM instructions ORDER BY id") { row in
            ids.append(row.int64("id"))
            texts.append(row.string("instruction"))
        }
        let index = RougeIndex(texts)
        var out = ""
        for (n, query) in queries.enumerated() {
            if n % 64 == 0 { try context.interrupt.check() }
            let matches = index.topK(query, k: top)
            if json {
                let items: [[String: Any]] = matches.map {
                    ["instruction_id": ids[$0.index], "fmeasure": $0.score.fmeasure, "precision": $0.score.precision,
                     "recall": $0.score.recall, "instruction": texts[$0.index]]
                }
                let data = try JSONSerialization.data(withJSONObject: ["query": query, "matches": items],
                                                      options: [.sortedKeys, .withoutEscapingSlashes])
                out += String(decoding: data, as: UTF8.self) + "\n"
            } else {
                if queries.count > 1 { out += "query: \(query)\n" }
                let rows = matches.map { [String(ids[$0.index]), String(format: "%.4f", $0.score.fmeasure), texts[$0.index]] }
                out += rows.isEmpty ? "(no instruction shares a token)\n"
                    : ResultPrinter.table(columns: ["id", "rouge_l", "instruction"], rows: rows)
            }
            if out.utf8.count > 1 << 16 { context.stdout.write(out); out = "" }
        }
        context.stdout.write(out)
    }

    func loadQueries(_ context: CommandContext) throws -> [String] {
        if let text { return [text] }
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            let path = context.resolve(file!)
            guard let contents = FileManager.default.contents(atPath: path) else {
                throw CommandError.failed("--file: cannot read \(path)")
            }
            data = contents
        }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline)
            .map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
    }
}
