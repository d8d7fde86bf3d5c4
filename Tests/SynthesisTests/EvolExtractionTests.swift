import Testing
@testable import Synthesis

@Suite("Evolved instruction extraction")
struct EvolExtractionTests {
    @Test("strips labels, preambles and quotes", arguments: [
        ("Rewritten Prompt: Write a haiku about autumn rain in Kyoto.", "Write a haiku about autumn rain in Kyoto."),
        ("#Rewritten Prompt#:\nWrite a haiku about autumn rain.", "Write a haiku about autumn rain."),
        ("**Rewritten Instruction:** Write a haiku.", "Write a haiku."),
        ("Here is the rewritten instruction:\n\n\"Write a haiku about rain.\"", "Write a haiku about rain."),
        ("#The Given Prompt#: Write a haiku.\n#Rewritten Prompt#: Write a haiku about rain in May.", "Write a haiku about rain in May."),
        ("改写后的指令：以“江南春雨”为题写一首七言绝句，并押平声韵。", "以“江南春雨”为题写一首七言绝句，并押平声韵。"),
        ("“请解释边际效用递减，并举两个例子。”", "请解释边际效用递减，并举两个例子。"),
        ("<think>hmm</think>\nWrite a limerick.", "Write a limerick."),
        ("Let me see: rhyme, metre.</think>\n请写一首打油诗。", "请写一首打油诗。"),
        // Reasoning cut off at the token limit holds no instruction; before, the reasoning itself came back.
        ("<think>The rewritten prompt could be: Write a limerick about", ""),
    ])
    func strips(reply: String, expected: String) {
        #expect(EvolvedInstructionExtractor.extract(from: reply) == expected)
    }

    @Test("leaves the body alone: inner labels, code and inner quotes")
    func keepsBody() {
        let withCode = "Fix the bug in this function and explain why it fails:\n```python\ndef f(x):\n    return x / 0\n```"
        #expect(EvolvedInstructionExtractor.extract(from: withCode) == withCode)
        let innerLabel = "Write a short story.\nPrompt: a lighthouse keeper finds a letter."
        #expect(EvolvedInstructionExtractor.extract(from: innerLabel) == innerLabel)
        let quotes = "\"Hello\" and \"goodbye\" are opposites; find three more such pairs."
        #expect(EvolvedInstructionExtractor.extract(from: quotes) == quotes)
    }
}
