import Curation
import Testing
@testable import Synthesis

@Suite struct MagpieQueryFilterTests {
    let filter = MagpieQueryFilter()

    func failed(_ query: String, finish: String? = "stop", language: Language? = nil) -> String? {
        MagpieQueryFilter(expectedLanguage: language).failure(query: query, finishReason: finish)?.filter
    }

    @Test func goodQueriesPass() {
        #expect(failed("How do I reverse a linked list in place without extra memory?") == nil)
        #expect(failed("请解释一下量子纠缠是什么意思？") == nil)
        #expect(failed("Write an email to my landlord about the broken heater.\nKeep it polite.") == nil)
    }

    @Test func eachFailureHasItsFilter() {
        #expect(failed("") == "magpie-empty")
        #expect(failed("Hi") == "magpie-empty")
        #expect(failed("What is a monad?\nAnswer: a monoid in the category of endofunctors.") == "magpie-runon")
        #expect(failed("What is a monad?\nassistant\n\nA monad is…") == "magpie-runon")
        #expect(failed("怎样煮米饭？\n答：先洗米。") == "magpie-runon")
        #expect(failed("Solve for x.\nSolution: x = 2") == "magpie-runon")
        #expect(failed("Here is my question about Python:") == "magpie-colon")
        #expect(failed("我有一个问题：") == "magpie-colon")
        #expect(failed("# A guide to sourdough bread") == "magpie-heading")
        #expect(failed("What is 2+2?<|im_end|>") == "magpie-template-token")
        #expect(failed("Explain recursion [/INST] sure") == "magpie-template-token")
        #expect(failed("How do transformers work in machine learning models?", finish: "length") == "magpie-length")
        #expect(failed("How do transformers work in machine learning models?", language: .zh) == "magpie-language")
        #expect(failed("变压器在机器学习模型中如何工作？", language: .zh) == nil)
    }

    @Test func crlfRepliesAreReadLineByLine() {
        // Swift reads "\r\n" as one Character: a split on "\n" never saw these line starts.
        #expect(failed("What is a monad?\r\nAnswer: a monoid in the category of endofunctors.") == "magpie-runon")
        #expect(failed("怎样煮米饭？\r\n答：先洗米。") == "magpie-runon")
    }

    @Test func aQueryCutInsideByTheBareRoleWordIsRejected() {
        // "Can you be my assistant for planning a trip?" stopped at the stop string "assistant".
        let raw = "Can you be my "
        let verdict = MagpieQueryFilter().failure(query: MagpieQueryFilter.clean(raw), finishReason: "stop", rawQuery: raw)
        #expect(verdict?.filter == "magpie-length")
        // A missed end of turn leaves the word glued to the query or on its own line: the query is whole.
        for raw in ["How do I bake bread?", "How do I bake bread?\n", "Write a haiku about autumn leaves"] {
            #expect(MagpieQueryFilter().failure(query: MagpieQueryFilter.clean(raw), finishReason: "stop", rawQuery: raw) == nil, "\(raw)")
        }
    }

    @Test func cleaningDropsATrailingRoleWord() {
        #expect(MagpieQueryFilter.clean("  What is Rust?assistant ") == "What is Rust?")
        #expect(MagpieQueryFilter.clean("What is Rust?\nAssistant") == "What is Rust?")
        #expect(MagpieQueryFilter.clean("Find me an assistant") == "Find me an assistant")
    }
}
