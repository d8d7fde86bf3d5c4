import Foundation
import Migrations
import Store
import TestSupport

/// The preference recipe against scripted models: two answer models on two servers (so `--models` routing is
/// visible) and a judge on the first server that rates answers by who wrote them.
///
/// Answers read "Answer by MODEL sample SEED: …" (the request's seed is the sample index). The judge's ranking
/// is m1 s0 (9) > m1 s1 (7) > m2 s0 (5) > m2 s1 (3); instructions containing "zztie" get the same answer from
/// every model and sample, which the judge rates 6 / calls a tie.
enum PreferenceRecipeFixtures {
    static let quality: [String: Double] = ["m1 sample 0": 9, "m1 sample 1": 7, "m2 sample 0": 5, "m2 sample 1": 3]

    /// 50 instructions: English and Chinese, every tenth with a system prompt, two of them ties.
    static func database(_ dir: TemporaryDirectory) throws -> String {
        let path = dir.file("recipe.db")
        let database = try Database(path: path)
        try Migrator().migrate(database)
        let runID = try RunStore(database).start(command: "test-setup", optionsJSON: "{}")
        for index in 0..<50 {
            let text: String
            switch index % 5 {
            case 0: text = "用一句话解释第\(index)个物理概念。"
            case 1 where index == 11 || index == 21: text = "zztie Say the word number \(index)."
            default: text = "Explain idea number \(index) in two sentences."
            }
            var row = InstructionStore.NewInstruction(instruction: text, origin: .imported, runID: runID)
            if index % 10 == 3 { row.system = "You are a concise tutor." }
            if index % 7 == 4 { row.input = "Context \(index)" }
            _ = try InstructionStore(database).insert(row)
        }
        try RunStore(database).finish(runID: runID, status: .succeeded, totals: RunStore.Totals())
        return path
    }

    /// The answer server's script: "Answer by MODEL sample SEED: …" (or the shared tie answer).
    static func answerScript() -> ScriptedLLMServer.Script {
        { request in
            if request.userText.contains("zztie") { return .completion("The word.") }
            let seed = request.json?["seed"] as? Int ?? -1
            return .completion("Answer by \(request.model) sample \(seed): about \(request.userText.prefix(30))")
        }
    }

    /// The first server answers m1 and judges; the second answers m2.
    static func judgeAndAnswerScript() -> ScriptedLLMServer.Script {
        let answers = answerScript()
        return { request in
            let text = request.userText
            if text.contains("[Answer A]") || text.contains("【回答 A】") {
                let (a, b) = shownAnswers(text)
                let qa = rating(a), qb = rating(b)
                let winner = qa == qb ? "tie" : qa > qb ? "A" : "B"
                return .completion("```json\n{\"winner\": \"\(winner)\", \"rationale\": \"compared \(qa) with \(qb)\"}\n```")
            }
            if text.contains("[Response]") || text.contains("【回答】") {
                let response = text.components(separatedBy: text.contains("[Response]") ? "[Response]\n" : "【回答】\n").last ?? ""
                return .completion("{\"score\": \(Int(rating(response))), \"rationale\": \"by author\"}")
            }
            return answers(request)
        }
    }

    /// The judge's rating of an answer text: by its author tag, 6 for the shared tie answer.
    static func rating(_ answer: String) -> Double {
        for (tag, value) in quality where answer.contains("Answer by \(tag):") { return value }
        return 6
    }

    /// The two answers of a pairwise prompt, A then B.
    static func shownAnswers(_ prompt: String) -> (String, String) {
        let english = prompt.contains("[Answer A]")
        let aMark = english ? "[Answer A]\n" : "【回答 A】\n", bMark = english ? "\n\n[Answer B]\n" : "\n\n【回答 B】\n"
        let afterA = prompt.components(separatedBy: aMark).last ?? ""
        let parts = afterA.components(separatedBy: bMark)
        return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
    }
}
