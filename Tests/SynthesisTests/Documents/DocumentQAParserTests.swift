import Testing
@testable import Synthesis

@Suite struct DocumentQAParserTests {
    @Test func readsAJSONArray() {
        let pairs = DocumentQAParser.pairs(in: #"[{"question": "How long does it take?", "answer": "Four minutes."}, {"question": "Is it safe?", "answer": "Yes."}]"#)
        #expect(pairs == [DocumentQAPair(question: "How long does it take?", answer: "Four minutes."),
                          DocumentQAPair(question: "Is it safe?", answer: "Yes.")])
    }

    @Test func readsFencedJSONAmidProseAndOtherKeys() {
        let reply = "Sure! Here they are:\n```json\n[{\"Q\": \"What is K2?\", \"A\": \"A kettle.\"}]\n```\nHope this helps."
        #expect(DocumentQAParser.pairs(in: reply) == [DocumentQAPair(question: "What is K2?", answer: "A kettle.")])
        let chinese = "<think>先想一想</think>{\"items\": [{\"问题\": \"多久能烧开？\", \"答案\": \"约四分钟。\"}]}"
        #expect(DocumentQAParser.pairs(in: chinese) == [DocumentQAPair(question: "多久能烧开？", answer: "约四分钟。")])
    }

    @Test func readsLabelledPairsInEnglishAndChinese() {
        let english = "1. Q: How often should it be descaled?\nA: Once a month.\n\n2. **Question:** What is the lid made of?\n**Answer:** Plastic,\nlike the handle."
        #expect(DocumentQAParser.pairs(in: english) == [
            DocumentQAPair(question: "How often should it be descaled?", answer: "Once a month."),
            DocumentQAPair(question: "What is the lid made of?", answer: "Plastic,\nlike the handle."),
        ])
        let chinese = "问：多久除垢一次？\n答：每月一次。\n问题2：底座能浸水吗？\n答案：不能。"
        #expect(DocumentQAParser.pairs(in: chinese) == [
            DocumentQAPair(question: "多久除垢一次？", answer: "每月一次。"),
            DocumentQAPair(question: "底座能浸水吗？", answer: "不能。"),
        ])
    }

    @Test func readsANumberedListOfQuestions() {
        let reply = "Here are questions:\n1. Why does the kettle switch off?\n2) How do I descale it?\n3、为什么要冲洗两遍？"
        #expect(DocumentQAParser.pairs(in: reply).map(\.question) == [
            "Why does the kettle switch off?", "How do I descale it?", "为什么要冲洗两遍？"])
        #expect(DocumentQAParser.pairs(in: reply).allSatisfy { $0.answer == nil })
    }

    @Test func nothingUsableIsEmptyNotACrash() {
        #expect(DocumentQAParser.pairs(in: "").isEmpty)
        #expect(DocumentQAParser.pairs(in: "resultis|Q EnoB swift userx2 {[").isEmpty)
        #expect(DocumentQAParser.pairs(in: "<think>unfinished reasoning").isEmpty)
        #expect(DocumentQAParser.pairs(in: #"[1, 2, {"nothing": true}]"#).isEmpty)
    }
}
