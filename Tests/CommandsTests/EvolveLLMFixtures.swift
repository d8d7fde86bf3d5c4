import Foundation
import Migrations
import Store
import Synchronization
import TestSupport

/// Shared setup for the `dsbench evolve --backend llm` tests: seed databases, a scripted model that plays
/// rewriter, judge and answerer (steered by marker words in the seed text), and the built binary as a
/// subprocess (the command blocks its thread while the request pool runs, so it must not share the test
/// runner's cooperative threads).
enum EvolveLLMFixtures {
    static let model = "scripted"

    /// A database holding `seeds` (instruction, input) as seed rows; returns its path and their ids.
    static func database(_ dir: TemporaryDirectory, _ seeds: [(String, String)], name: String = "evolve.db") throws -> (String, [Int64]) {
        let path = dir.file(name)
        let database = try Database(path: path)
        try Migrator().migrate(database)
        let runID = try RunStore(database).start(command: "test-setup", optionsJSON: "{}")
        var ids: [Int64] = []
        for (instruction, input) in seeds {
            var row = InstructionStore.NewInstruction(instruction: instruction, origin: .seed, runID: runID)
            row.input = input
            ids.append(try InstructionStore(database).insert(row))
        }
        try RunStore(database).finish(runID: runID, status: .succeeded, totals: RunStore.Totals())
        return (path, ids)
    }

    /// Runs `dsbench evolve --db DB --model scripted ARGS` against `server`.
    static func evolve(_ db: String, _ server: ScriptedLLMServer, _ arguments: [String]) throws -> ProcessResult {
        try ProcessResult.run(
            ["evolve", "--db", db, "--model", model] + arguments, environment: ["OPENAI_BASE_URL": server.baseURL])
    }

    static func query(_ path: String, _ sql: String, _ arguments: [SQLValue] = []) throws -> [Row] {
        try Database(path: path).query(sql, arguments)
    }

    static func count(_ path: String, _ sql: String, _ arguments: [SQLValue] = []) throws -> Int {
        try query(path, sql, arguments).first?.int("n") ?? -1
    }

    /// What kind of call a request is, read from our own prompt wording.
    enum CallKind { case rewrite, judge, answer }

    static func kind(of request: RecordedRequest) -> CallKind {
        let text = request.userText
        if text.contains("#Given Instruction#") || text.contains("#原始指令#") { return .rewrite }
        if text.contains("Second instruction:") || text.contains("第二条指令") { return .judge }
        return .answer
    }

    /// The text a rewrite request asks to evolve (between the given-label and the answer label).
    static func givenText(_ request: RecordedRequest) -> String {
        let text = request.userText
        for label in ["#Given Instruction#\n", "#原始指令#\n"] {
            guard let start = text.range(of: label) else { continue }
            let rest = text[start.upperBound...]
            let end = rest.range(of: "\n\n#")?.lowerBound ?? rest.endIndex
            return String(rest[..<end])
        }
        return ""
    }

    static let longApology = "I'm sorry for the confusion earlier. "
        + Array(repeating: "Photosynthesis converts sunlight water and carbon dioxide into glucose and oxygen inside chloroplasts.", count: 25)
        .joined(separator: " ")

    /// The scripted model. Markers in the seed steer each elimination rule; everything else gets a sensible
    /// rewrite (the suffix is added before a separate input so the input can be split off again), a
    /// DIFFERENT judgement and a content-bearing answer.
    static func script() -> ScriptedLLMServer.Script {
        let flakyFailures = Mutex<Set<String>>([])
        return { request in
            let text = request.userText
            switch kind(of: request) {
            case .rewrite:
                let given = givenText(request)
                if given.contains("zzleak") { return .completion("Based on the given prompt, describe a city park zzleak in autumn.") }
                if given.contains("zzstop") { return .completion("The, and of it!") }
                if given.contains("zzempty") { return .completion("   ") }
                if given.contains("zzshort") { return .completion("Is it 42?") }
                if given.contains("zztrunc") { return .truncatedJSON }
                if given.contains("zzflaky") {
                    let first = flakyFailures.withLock { $0.insert(request.bodyText).inserted }
                    if first { return .status(500, message: "scripted overload") }
                }
                let chinese = text.contains("#原始指令#")
                let suffix = chinese ? "请详细说明每一步。" : " Explain each step in detail."
                let parts = given.components(separatedBy: "\n\n")
                var rewrite = parts[0] + suffix
                if parts.count > 1 { rewrite += "\n\n" + parts.dropFirst().joined(separator: "\n\n") }
                if given.contains("zzlength") { return .completion(rewrite, finishReason: "length", includeUsage: false) }
                return .completion(rewrite)
            case .judge:
                if text.contains("zznotsame") { return .completion("Not equal.") }
                if text.contains("zzsame") { return .completion("EQUAL") }
                if text.contains("zzmumble") { return .completion("banana") }
                return .completion(text.contains("第二条指令") ? "不同" : "DIFFERENT")
            case .answer:
                if text.contains("zzrefuse") { return .completion("I'm sorry, but I can't help with that.") }
                if text.contains("zzlongsorry") { return .completion(longApology) }
                if text.contains("zzsilent") { return .completion("Well, it is what it is.") }
                if text.unicodeScalars.contains(where: { $0.value >= 0x4E00 && $0.value <= 0x9FFF }) {
                    return .completion("清明节源于古代的寒食节和上巳节，人们在这一天扫墓祭祖、踏青郊游。")
                }
                return .completion("Light energy is captured by chlorophyll and stored as chemical energy in sugar.")
            }
        }
    }

    /// Request bodies of `requests` (the exact bytes the client sent).
    static func bodies(_ requests: [RecordedRequest]) -> Set<String> { Set(requests.map(\.bodyText)) }
}
