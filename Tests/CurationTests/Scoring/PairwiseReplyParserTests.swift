import Testing
@testable import Curation

@Suite struct PairwiseReplyParserTests {
    @Test func readsJSONInFencesAndAfterReasoning() throws {
        let fenced = try PairwiseReplyParser.parse("```json\n{\"winner\": \"B\", \"rationale\": \"B is correct.\"}\n```").get()
        #expect(fenced == PairwiseReply(winner: .second, rationale: "B is correct."))
        let thought = try PairwiseReplyParser.parse("<think>A says {x}, hmm</think>{\"winner\":\"tie\",\"rationale\":\"同样好\"}").get()
        #expect(thought == PairwiseReply(winner: .tie, rationale: "同样好"))
        let lower = try PairwiseReplyParser.parse("{\"winner\": \"a\", \"rationale\": \"\"}").get()
        #expect(lower == PairwiseReply(winner: .first, rationale: nil))
        // A braced span that is not JSON is skipped; braces inside JSON strings do not end the object.
        let later = try PairwiseReplyParser.parse("Compare {A, B} first. {\"winner\": \"B\", \"rationale\": \"uses {x} right\"}").get()
        #expect(later == PairwiseReply(winner: .second, rationale: "uses {x} right"))
    }

    @Test func readsLabelledAndBracketedForms() throws {
        #expect(try PairwiseReplyParser.parse("Both are fine but B misses a step.\nWinner: A").get().winner == .first)
        #expect(try PairwiseReplyParser.parse("胜者：Ｂ").get().winner == .second)
        #expect(try PairwiseReplyParser.parse("Final verdict: [[C]]").get().winner == .tie)
        #expect(try PairwiseReplyParser.parse("平局").get().winner == .tie)
        #expect(try PairwiseReplyParser.parse("B").get().winner == .second)
    }

    @Test func refusesRepliesWithoutAWinner() {
        for reply in ["", "I like both.", "{\"winner\": \"C++\"}", "{\"score\": 7}", "<think>still thinking"] {
            guard case .failure(let failure) = PairwiseReplyParser.parse(reply) else {
                Issue.record("parsed a winner from \(reply)")
                continue
            }
            #expect(!failure.reason.isEmpty)
        }
    }

    @Test func promptFollowsTheInstructionLanguageAndShowsBothAnswersByPosition() {
        let english = PairwisePrompt.render(instruction: "Name a prime.", input: "", first: "7", second: "8")
        #expect(english.language == .english && english.template == "score-pairwise@1")
        #expect(english.text.contains("[Answer A]\n7\n\n[Answer B]\n8"))
        let chinese = PairwisePrompt.render(instruction: "写一首关于秋天的诗。", input: "", first: "甲", second: "乙", system: "你是诗人")
        #expect(chinese.language == .chinese)
        #expect(chinese.text.contains("【回答 A】\n甲\n\n【回答 B】\n乙") && chinese.text.contains("【系统提示】\n你是诗人"))
    }

    @Test func swappedWinnerMirrorsPositions() {
        #expect(PairwiseWinner.first.swapped == .second && PairwiseWinner.second.swapped == .first && PairwiseWinner.tie.swapped == .tie)
    }
}
