import Testing
@testable import Curation

@Suite struct ScoreReplyParserTests {
    func score(_ reply: String) -> ModelScore? { try? ScoreReplyParser.parse(reply).get() }

    func failure(_ reply: String) -> String? {
        if case .failure(let failure) = ScoreReplyParser.parse(reply) { return failure.reason }
        return nil
    }

    @Test func plainJSONObject() throws {
        let parsed = try #require(score(#"{"score": 7, "rationale": "Correct but terse."}"#))
        #expect(parsed.value == 7)
        #expect(parsed.rationale == "Correct but terse")
        #expect(parsed.form == .json)
    }

    @Test func fencedJSONWithProseAround() throws {
        let reply = """
            Here is my evaluation of the response.

            ```json
            {
              "score": 8,
              "rationale": "Accurate and well organised; the example {in braces} is fine."
            }
            ```
            Let me know if you need more.
            """
        let parsed = try #require(score(reply))
        #expect(parsed.value == 8)
        #expect(parsed.rationale?.hasPrefix("Accurate and well organised") == true)
        #expect(parsed.form == .json)
    }

    @Test func jsonVariants() throws {
        #expect(score(#"{"Score": "6", "reason": "ok"}"#)?.value == 6)
        #expect(score(#"{"score": "7/10", "rationale": "fine"}"#)?.value == 7)
        #expect(score(#"{"score": 7.5, "rationale": "fine"}"#)?.value == 7.5)
        #expect(score(#"{"evaluation": {"rating": 9, "explanation": "great"}}"#)?.rationale == "great")
        #expect(score(#"{"评分": 6, "理由": "回答基本正确，但缺少例子。"}"#)?.rationale == "回答基本正确，但缺少例子")
        // A JSON object without a score does not stop the text patterns.
        #expect(score("{\"note\": \"see below\"}\nScore: 5")?.value == 5)
        // Broken JSON is still read through its label.
        #expect(score(#"{'score': 4, 'rationale': 'thin',}"#)?.value == 4)
    }

    @Test func labelledScores() throws {
        #expect(score("Score: 7/10")?.value == 7)
        #expect(score("**Score:** 8\n**Rationale:** Clear steps and a correct result.")?.rationale == "Clear steps and a correct result")
        #expect(score("Rating - 6")?.value == 6)
        #expect(score("Score (1-10): 3\nReason: It ignores the second half of the question.")?.value == 3)
        #expect(score("I would rate it a 9 because it is thorough.")?.value == 9)
        let concluding = try #require(score("The answer is mostly right, though a 10 would need sources.\n\nFinal score: 7 out of 10"))
        #expect(concluding.value == 7 && concluding.form == .labelled)
    }

    @Test func fractionsAndBareNumbers() throws {
        let fraction = try #require(score("Solid answer overall. 7 out of 10."))
        #expect(fraction.value == 7 && fraction.form == .fraction)
        #expect(fraction.rationale == "Solid answer overall")
        #expect(score("I'd say 6.5/10 — good structure, weak examples.")?.value == 6.5)
        let bare = try #require(score(" **8** "))
        #expect(bare.value == 8 && bare.form == .bare && bare.rationale == nil)
        #expect(score("9.")?.value == 9)
    }

    @Test func chineseReplies() throws {
        let labelled = try #require(score("评分：7分\n理由：回答正确，条理清晰，但缺少具体例子。"))
        #expect(labelled.value == 7 && labelled.form == .labelled)
        #expect(labelled.rationale == "回答正确，条理清晰，但缺少具体例子")
        #expect(score("我给这个回答打 8 分。")?.value == 8)
        #expect(score("得分为六分，内容有明显遗漏。")?.value == 6)
        #expect(score("评分：７／１０")?.value == 7)
        let points = try #require(score("满分10分的话，这个回答值7分，因为解释不够深入。"))
        #expect(points.value == 7 && points.form == .points)
        #expect(score("按10分制，这个回答可以给 5 分")?.value == 5)
        #expect(score(#"```json\n{"score": 4, "rationale": "只回答了一半的问题。"}\n```"#)?.rationale == "只回答了一半的问题")
    }

    @Test func reasoningBlocksAreSkipped() throws {
        let reply = "<think>The user wants a score. Maybe 3/10? No, it is better than that.</think>\n{\"score\": 8, \"rationale\": \"good\"}"
        #expect(score(reply)?.value == 8)
        #expect(failure("<think>Let me weigh the answer carefully, it could be a 6")?.contains("<think>") == true)
    }

    @Test func outOfRangeIsAFailureWithTheReason() {
        #expect(failure(#"{"score": 11, "rationale": "amazing"}"#) == "score 11 is outside 1–10")
        #expect(failure(#"{"score": 0}"#) == "score 0 is outside 1–10")
        #expect(failure("Score: 85") == "score 85 is outside 1–10")
        #expect(failure("Score: -2") == "score -2 is outside 1–10")
        #expect(failure("Score: 4/5") == "score given out of 5, expected out of 10")
        #expect(failure("I'd give it 85 out of 100.")?.contains("out of 100") == true)
        #expect(failure(#"{"score": true}"#)?.contains("not a number") == true)
        #expect(failure(#"{"score": "great"}"#)?.contains("no score found") == true)
    }

    @Test func missingScoreIsAFailure() {
        #expect(failure("") == "empty reply")
        #expect(failure("   \n ") == "empty reply")
        #expect(failure("The response is helpful and accurate.") == "no score found in the reply")
        #expect(failure("这个回答很好，条理清晰。") == "no score found in the reply")
        #expect(failure("{\"rationale\": \"forgot the number\"}") == "no score found in the reply")
        // "十分" means "very", not ten points; "分析" is "analysis".
        #expect(failure("这个回答十分出色，分析到位。") == "no score found in the reply")
    }

    @Test func everyResultIsOnTheScale() {
        let replies = [
            "Score: 10", "score: 1", "10/10", "1 out of 10", "评分：十", "{\"score\": 10}", "7", "score 7.25",
        ]
        for reply in replies {
            let parsed = score(reply)
            #expect(parsed != nil, "\(reply)")
            if let parsed { #expect(ScoreReplyParser.scale.contains(parsed.value), "\(reply)") }
        }
    }
}
