import Testing
@testable import Curation

@Suite struct ScoringPromptTests {
    @Test func judgePromptCarriesTheExampleInTheInstructionsLanguage() {
        let english = JudgePrompt.render(
            instruction: "Summarise the paragraph.", input: "Remote work grew fast in 2020.", response: "Remote work rose sharply.")
        #expect(english.language == .english)
        #expect(english.template == "score-judge@1")
        #expect(english.text.contains("[Instruction]\nSummarise the paragraph."))
        #expect(english.text.contains("[Input]\nRemote work grew fast in 2020."))
        #expect(english.text.contains("[Response]\nRemote work rose sharply."))
        #expect(english.text.contains("\"score\"") && english.text.contains("1 to 10"))

        let chinese = JudgePrompt.render(instruction: "简单介绍一下清明节的由来。", input: "", response: "清明节源于寒食节。")
        #expect(chinese.language == .chinese)
        #expect(chinese.text.contains("【指令】\n简单介绍一下清明节的由来。"))
        #expect(chinese.text.contains("【回答】\n清明节源于寒食节。"))
        #expect(!chinese.text.contains("【输入】"))
        #expect(chinese.text.contains("1 到 10"))
        #expect(!chinese.text.contains("Rate how good"))
    }

    @Test func languageFollowsTheInstructionNotTheResponse() {
        // A Chinese question answered in English is still judged with the Chinese rubric (which asks for the
        // instruction's language), and an English question quoting a Chinese term stays English.
        #expect(JudgePrompt.render(instruction: "解释一下什么是量子纠缠。", input: "", response: "Quantum entanglement is…").language == .chinese)
        #expect(JudgePrompt.render(instruction: "Translate 你好 into English.", input: "", response: "Hello").language == .english)
        #expect(ComplexityPrompt.render(instruction: "写一首关于秋天的短诗。", input: "").language == .chinese)
    }

    @Test func complexityPromptRatesTheInstructionOnly() {
        let prompt = ComplexityPrompt.render(instruction: "Prove that there are infinitely many primes.", input: "")
        #expect(prompt.template == "score-complexity@1")
        #expect(prompt.language == .english)
        #expect(prompt.text.contains("[Instruction]\nProve that there are infinitely many primes."))
        #expect(prompt.text.contains("Do not answer the instruction"))
        #expect(!prompt.text.contains("[Response]"))
        let withInput = ComplexityPrompt.render(instruction: "总结下面的段落。", input: "远程办公在2020年迅速增长。")
        #expect(withInput.text.contains("【输入】\n远程办公在2020年迅速增长。"))
        #expect(withInput.text.contains("不要回答这条指令"))
    }

    @Test func theExampleReplyInEachPromptParses() throws {
        // The prompts show the model the reply shape; the parser must accept exactly that shape.
        for prompt in [
            JudgePrompt.render(instruction: "Hi", input: "", response: "Hello", language: .english),
            JudgePrompt.render(instruction: "你好", input: "", response: "你好", language: .chinese),
            ComplexityPrompt.render(instruction: "Hi", input: "", language: .english),
            ComplexityPrompt.render(instruction: "你好", input: "", language: .chinese),
        ] {
            let example = try #require(prompt.text.split(separator: "\n").last(where: { $0.hasPrefix("{\"score\"") }))
            let parsed = try ScoreReplyParser.parse(String(example)).get()
            #expect(ScoreReplyParser.scale.contains(parsed.value))
            #expect(parsed.rationale?.isEmpty == false)
        }
    }
}
