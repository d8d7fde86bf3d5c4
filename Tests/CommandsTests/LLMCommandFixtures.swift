import Commands
import Foundation
import Migrations
import Store
import TestSupport

/// Shared setup for the model-calling command tests: a database with seeds, and an in-process runner that
/// can be interrupted.
enum LLMCommandFixtures {
    static let englishSeeds = [
        "Give three tips for staying healthy.",
        "Translate the following sentence into French.",
        "Explain the difference between weather and climate.",
        "Write a short story about a lost umbrella.",
        "Classify the sentiment of this review as positive or negative.",
        "Suggest a name for a new coffee shop.",
        "Summarize the main idea of the paragraph below.",
        "List the planets of the solar system in order.",
    ]

    static let chineseSeeds = [
        "给出三个保持健康的建议。", "把下面这句话翻译成英文。", "解释天气和气候的区别。", "写一个关于丢失雨伞的短故事。",
        "判断这条评论的情感是正面还是负面。", "为一家新咖啡店起个名字。", "概括下面这段话的主要意思。", "按顺序列出太阳系的行星。",
    ]

    /// Creates a database holding `seeds` as seed tasks; returns its path.
    static func database(in directory: TemporaryDirectory, seeds: [String], origin: InstructionStore.Origin = .seed) throws -> String {
        let path = directory.file("llm.db")
        let database = try Database(path: path)
        try Migrator().migrate(database)
        let runID = try RunStore(database).start(command: "test-setup", optionsJSON: "{}")
        for seed in seeds {
            var row = InstructionStore.NewInstruction(instruction: seed, origin: origin, runID: runID)
            row.language = seed.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF } ? "zh" : "en"
            try InstructionStore(database).insert(row)
        }
        try RunStore(database).finish(runID: runID, status: .succeeded, totals: RunStore.Totals())
        return path
    }

    static func run(_ arguments: [String], interrupt: InterruptSignal = InterruptSignal(), environment: [String: String] = [:]) -> CLIResult {
        let out = BufferSink(), err = BufferSink()
        let status = CommandLineTool.run(
            arguments: arguments, environment: environment, stdout: out, stderr: err, interrupt: interrupt)
        return CLIResult(status: status, stdout: out.text, stderr: err.text)
    }

    static func query(_ path: String, _ sql: String) throws -> [Row] {
        try Database(path: path).query(sql)
    }

    static func scalar(_ path: String, _ sql: String) throws -> Int {
        Int(try Database(path: path).scalar(sql).intValue ?? -1)
    }

    /// A numbered list of `count` mutually dissimilar tasks, unique to `tag`, numbered from 9.
    /// Chinese tasks use pseudo-random Han characters so that ROUGE-L between them stays low.
    static func distinctTasks(tag: String, count: Int, chinese: Bool = false) -> String {
        (0..<count).map { k in
            if chinese {
                var state = UInt64(truncatingIfNeeded: (tag + "#\(k)").unicodeScalars.reduce(1469598103934665603) { ($0 ^ UInt64($1.value)) &* 1099511628211 })
                var text = ""
                for _ in 0..<14 {
                    state = state &* 6364136223846793005 &+ 1442695040888963407
                    text.unicodeScalars.append(Unicode.Scalar(0x4E00 + UInt32((state >> 33) % 20000))!)
                }
                return "\(9 + k). 请解释\(text)。"
            }
            return "\(9 + k). Compare \(tag)a\(k) against \(tag)b\(k) and justify \(tag)c\(k) briefly."
        }.joined(separator: "\n")
    }
}
