import Testing
@testable import Curation

@Suite("Reasoning block")
struct ReasoningBlockTests {
    @Test("the visible text of a reply", arguments: [
        ("8", "8"),
        ("<think>maybe 6</think>{\"score\": 8}", "{\"score\": 8}"),
        ("<think>先想一想</think>\n答案：四分钟。", "\n答案：四分钟。"),
        // The opening tag was in the prompt (chat templates that start the block for the model).
        ("weighing both answers…</think>B", "B"),
        // Text before the block is kept; a second block ends at its own closing tag.
        ("Sure. <think>a</think>x<think>b</think>y", "Sure. y"),
        ("no tags at all, 没有标签", "no tags at all, 没有标签"),
    ])
    func visible(reply: String, expected: String) {
        #expect(ReasoningBlock.visibleText(reply) == expected)
    }

    @Test("unfinished reasoning has no visible text")
    func unfinished() {
        #expect(ReasoningBlock.visibleText("<think>still weighing, maybe a 7") == nil)
        #expect(ReasoningBlock.visibleText("Answer first <think>then thinking") == nil)
    }
}
