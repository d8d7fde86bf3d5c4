import Testing
import Curation
import LLM
@testable import Synthesis

@Suite struct DocumentChecksTests {
    @Test func selfContainedCheckFindsReferencesToThePassage() {
        #expect(SelfContainedCheck.dependence(of: "According to the passage, how long does boiling take?") != nil)
        #expect(SelfContainedCheck.dependence(of: "What does the text say about descaling?") == "the text")
        #expect(SelfContainedCheck.dependence(of: "根据上文，水壶多久能烧开？") == "上文")
        #expect(SelfContainedCheck.dependence(of: "文中提到的除垢方法是什么？") == "文中")
        // Whole words only: "the texture", "contexts" and ordinary questions pass.
        #expect(SelfContainedCheck.dependence(of: "How does the texture of steel change when heated?") == nil)
        #expect(SelfContainedCheck.dependence(of: "How long does the K2 kettle take to boil one litre?") == nil)
        #expect(SelfContainedCheck.dependence(of: "K2 型电热水壶烧开一升水需要多久？") == nil)
    }

    @Test func groundingIsRecallOfTheAnswerAgainstThePassage() {
        let passage = "The Model K2 kettle boils one litre of water in about four minutes. It switches itself off when the water boils."
        let check = GroundingCheck(threshold: 0.5)
        let copied = "It switches itself off when the water boils."
        #expect(check.support(answer: copied, passage: passage) == 1.0)
        let invented = "The kettle has a lifetime warranty and comes in seven colours."
        #expect(check.support(answer: invented, passage: passage) < 0.5)
        #expect(!check.passes(answer: invented, passage: passage))
        // 4 of the answer's 8 tokens (the, kettle, water, boils) appear in order in the passage.
        #expect(check.support(answer: "the kettle heats water quickly because electricity boils", passage: passage) == 0.5)
        #expect(check.support(answer: "约四分钟。", passage: "K2 型电热水壶约四分钟即可烧开一升水。") == 1.0)
    }

    @Test func promptsFollowTheChunkLanguageAndAskForJSON() {
        let english = DocumentQAPrompt(language: .english, style: .qa, perChunk: 3)
            .messages(passage: "PASSAGE", headingPath: ["Guide", "Cleaning"], title: "Kettle")
        #expect(english.count == 1)
        #expect(english[0].content.contains("Write 3 different questions"))
        #expect(english[0].content.contains("(section: Kettle > Guide > Cleaning)"))
        #expect(english[0].content.contains(#"[{"question": "...", "answer": "..."}]"#))
        #expect(english[0].content.hasSuffix("\"\"\"\nPASSAGE\n\"\"\""))
        let questionsOnly = DocumentQAPrompt(language: .chinese, style: .instructions, perChunk: 2)
            .messages(passage: "文字", headingPath: [], title: nil)
        #expect(questionsOnly[0].content.contains("请提出 2 个不同的问题"))
        #expect(!questionsOnly[0].content.contains("answer"))
        let answer = GroundedAnswerPrompt.messages(question: "Q?", passage: "P.", system: "Be brief.", language: .english)
        #expect(answer.map(\.role) == ["system", "user"])
        #expect(answer[1].content.contains("\"\"\"\nP.\n\"\"\"") && answer[1].content.hasSuffix("Question: Q?"))
    }

    @Test func judgeRepliesAreRead() {
        #expect(GroundingJudgePrompt.verdict(in: "SUPPORTED\nAll claims are in the passage.") == true)
        #expect(GroundingJudgePrompt.verdict(in: "Unsupported: the warranty is not mentioned.") == false)
        #expect(GroundingJudgePrompt.verdict(in: "不支持\n文中没有提到保修。") == false)
        #expect(GroundingJudgePrompt.verdict(in: "支持") == true)
        #expect(GroundingJudgePrompt.verdict(in: "maybe") == nil)
        #expect(GroundingJudgePrompt.verdict(in: "SUPPORTED\r\nNothing here is not supported by the text.") == true,
                "a CRLF reply is judged on its first line only")
    }

    @Test func duplicateGateCatchesExactAndNearRepeats() {
        var gate = DuplicateQuestionGate(filter: "doc-duplicate", index: SelfInstructNaiveRougeIndex(texts: ["How long does the kettle take to boil?"]))
        #expect(!gate.check("how long does the kettle take to boil").passed)
        #expect(!gate.check("How long does the kettle take to boil water?").passed)
        #expect(gate.check("What is the lid made of?").passed)
        #expect(!gate.check("What is the lid made of?").passed, "an accepted question joins the gate")
        // Full-width letters and punctuation inside the text: exact duplicates by dedup's key, so rejected here
        // too (the old key folded only trailing punctuation and case).
        #expect(gate.check("水壶的盖子是什么材料做的？").passed)
        let repeat_ = gate.check("水壶的盖子，是什么材料做的?")
        #expect(!repeat_.passed && repeat_.detailJSON == #"{"method":"exact"}"#)
        #expect(!gate.check("ＷＨＡＴ is the lid made of").passed)
        #expect(DuplicateQuestionGate<SelfInstructNaiveRougeIndex>.key("Ｈｅｌｌｏ,  world!") == ExactDeduplicator.key("hello world"))
    }
}
