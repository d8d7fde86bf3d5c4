import Foundation
import Migrations
import Store
import TestSupport

/// A small database for `report` and `review`: English and Chinese examples with answers (one long Chinese
/// answer, one answer with a terminal escape and an HTML script tag), a failing rule verdict, a passing one,
/// scores, a duplicate and an LLM-backed run.
struct ReviewFixture {
    let directory = TemporaryDirectory()
    let path: String
    /// Instruction ids in insertion order.
    var instructions: [Int64] = []
    /// Completion ids, parallel to `instructions`.
    var completions: [Int64] = []

    static let hostile = "<script>alert('x')</script>\u{1B}[2J"
    static let longChinese = String(repeating: "光合作用是绿色植物利用光能，把二氧化碳和水转化为储存能量的有机物并释放氧气的过程。", count: 6)

    init(extraRows: Int = 0) throws {
        path = directory.file("review.db")
        let database = try Database(path: path)
        try Migrator().migrate(database)
        let runs = RunStore(database)
        let run = try runs.start(command: "import", optionsJSON: "{}")
        let store = InstructionStore(database)
        let rows: [(String, String, String)] = [
            ("Explain photosynthesis to a child.", "en", "Plants use sunlight to make food from air and water."),
            ("解释光合作用。", "zh", Self.longChinese),
            ("Write a haiku about \(Self.hostile)", "en", "I'm sorry, but I can't. \(Self.hostile)"),
        ] + (0..<extraRows).map { ("Example number \($0): name a colour.", "en", "Blue, number \($0).") }
        for (instruction, language, output) in rows {
            var row = InstructionStore.NewInstruction(instruction: instruction, origin: .imported, runID: run)
            row.language = language
            if language == "zh" { row.system = "你是一位耐心的老师。" }
            let id = try store.insert(row)
            instructions.append(id)
            completions.append(try CompletionStore(database).insert(.init(instructionID: id, output: output, origin: .imported, runID: run)))
        }
        try runs.finish(runID: run, status: .succeeded, totals: .init())
        let filter = try runs.start(command: "filter", optionsJSON: "{}")
        let verdicts = VerdictStore(database)
        try verdicts.insert(.init(instructionID: instructions[2], completionID: completions[2], filter: "refusal", passed: false,
                                  reason: "refusal near the start", detail: nil, runID: filter))
        for index in 0..<2 {
            try verdicts.insert(.init(instructionID: instructions[index], completionID: completions[index], filter: "refusal",
                                      passed: true, reason: nil, detail: nil, runID: filter))
        }
        try runs.finish(runID: filter, status: .succeeded, totals: .init())
        let score = try runs.start(command: "score", optionsJSON: "{}")
        for (index, value) in [8.5, 9.0, 2.0].enumerated() {
            try ScoreStore(database).insert(.init(instructionID: instructions[index], completionID: completions[index],
                                                  scorer: "heuristic", value: value, rationale: nil, detail: nil, runID: score))
        }
        try runs.finish(runID: score, status: .succeeded, totals: .init())
        let dedup = try runs.start(command: "dedup", optionsJSON: #"{"method":"minhash"}"#)
        try DuplicateStore(database).insert(.init(instructionID: instructions[2], duplicateOf: instructions[0], method: .minhash,
                                                  field: "instruction", similarity: 0.81, threshold: 0.8, runID: dedup))
        try runs.finish(runID: dedup, status: .succeeded, totals: .init())
        let evolve = try runs.start(command: "evolve", optionsJSON: "{}", model: "qwen-plus", endpointHost: "127.0.0.1",
                                    template: "dsbench-evol@1")
        var totals = RunStore.Totals()
        totals.llmCalls = 2
        totals.promptTokens = 300
        totals.completionTokens = 120
        totals.costUSD = 0.0042
        try runs.finish(runID: evolve, status: .succeeded, totals: totals)
    }

    func open() throws -> Database { try Database(path: path) }
}
