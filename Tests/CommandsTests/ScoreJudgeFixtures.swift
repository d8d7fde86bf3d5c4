import Foundation
import Migrations
import Store
import Synchronization
import TestSupport

/// Shared setup for the `dsbench score --scorer judge|complexity` tests: a database of instructions with
/// answers, a scripted model that plays judge and complexity rater (steered by marker words in the texts), and
/// the built binary as a subprocess (the command blocks its thread while requests run).
enum ScoreJudgeFixtures {
    static let model = "scripted"

    /// (instruction, input, answer or nil).
    typealias Example = (String, String, String?)

    static let examples: [Example] = [
        ("Explain how photosynthesis works.", "", "Plants turn light, water and carbon dioxide into sugar and oxygen."),
        ("简单介绍一下清明节的由来。", "", "清明节源于古代的寒食节和上巳节。"),
        ("Summarise the paragraph.", "Remote work grew fast in 2020.", "zzgarbage Remote work grew."),
        ("Give three tips for learning a language.", "", "zzprose Read daily, speak often, review words."),
        ("Prove that there are infinitely many primes.", "", nil),
    ]

    /// A database holding `examples`; returns its path and the instruction ids.
    static func database(_ dir: TemporaryDirectory, _ examples: [Example] = examples, name: String = "score.db") throws -> (String, [Int64]) {
        let path = dir.file(name)
        let database = try Database(path: path)
        try Migrator().migrate(database)
        let runID = try RunStore(database).start(command: "test-setup", optionsJSON: "{}")
        var ids: [Int64] = []
        for (instruction, input, answer) in examples {
            var row = InstructionStore.NewInstruction(instruction: instruction, origin: .imported, runID: runID)
            row.input = input
            let id = try InstructionStore(database).insert(row)
            ids.append(id)
            if let answer {
                try CompletionStore(database).insert(.init(instructionID: id, output: answer, origin: .imported, runID: runID))
            }
        }
        try RunStore(database).finish(runID: runID, status: .succeeded, totals: RunStore.Totals())
        return (path, ids)
    }

    /// Runs `dsbench score --db DB --model scripted ARGS` against `server`.
    static func score(_ db: String, _ server: ScriptedLLMServer, _ arguments: [String], model: String = model) throws -> ProcessResult {
        try ProcessResult.run(
            ["score", "--db", db, "--model", model] + arguments, environment: ["OPENAI_BASE_URL": server.baseURL])
    }

    static func query(_ path: String, _ sql: String, _ arguments: [SQLValue] = []) throws -> [Row] {
        try Database(path: path).query(sql, arguments)
    }

    static func count(_ path: String, _ sql: String, _ arguments: [SQLValue] = []) throws -> Int {
        try query(path, sql, arguments).first?.int("n") ?? -1
    }

    /// Sets a price so that `--max-cost` can be enforced (and reached quickly).
    static func setPrice(_ db: String, perMillion: Double) throws {
        try Database(path: db).execute(
            "INSERT INTO settings (key, value) VALUES ('prices', ?)",
            [.text("{\"\(model)\": {\"input_per_1m\": \(perMillion), \"output_per_1m\": \(perMillion)}}")])
    }

    /// True for a judge request (it shows a response), false for a complexity request.
    static func isJudge(_ request: RecordedRequest) -> Bool {
        request.userText.contains("[Response]") || request.userText.contains("【回答】")
    }

    /// The scripted model. Judge: Chinese prompts get a Chinese JSON reply (score 8), "zzgarbage" answers get
    /// prose without a score, "zzprose" answers get "Score: 6/10" with a rationale line, "zzflaky" answers fail
    /// with 500 the first time; anything else scores 7. Complexity: "primes" scores 8, anything else 3.
    static func script() -> ScriptedLLMServer.Script {
        let seen = Mutex<Set<String>>([])
        return { request in
            let text = request.userText
            if text.contains("zzflaky"), seen.withLock({ $0.insert(request.bodyText).inserted }) {
                return .status(500, message: "scripted overload")
            }
            guard isJudge(request) else {
                if text.contains("primes") { return .completion(#"{"score": 8, "rationale": "Needs a proof by contradiction."}"#) }
                return .completion("```json\n{\"score\": 3, \"rationale\": \"A short, familiar task.\"}\n```")
            }
            if text.contains("zzgarbage") { return .completion("The answer looks fine to me, nothing to add.") }
            if text.contains("zzprose") { return .completion("Score: 6/10\nRationale: Correct but too brief.") }
            if text.contains("【回答】") { return .completion(#"{"score": 8, "rationale": "回答正确，简洁明了。"}"#) }
            return .completion(#"{"score": 7, "rationale": "Correct and clear."}"#)
        }
    }
}
