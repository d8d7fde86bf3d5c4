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

    @Test func multiTurnExamplesShowTheConversationAndSystemPrompt() {
        let turns = [
            ScoringTurn(role: "user", text: "Who are you?"), ScoringTurn(role: "assistant", text: "I am a helpful model."),
            ScoringTurn(role: "user", text: "Find me a recipe with rice."),
            ScoringTurn(role: "function_call", text: "{\"name\": \"search_recipes\"}"),
        ]
        let prompt = JudgePrompt.render(
            instruction: "Who are you?", input: "", response: "Try chicken fried rice.", system: "You are a chef.", conversation: turns)
        #expect(prompt.language == .english)
        #expect(prompt.text.contains("[System prompt]\nYou are a chef."))
        #expect(prompt.text.contains(
            "[Conversation]\nUser: Who are you?\nAssistant: I am a helpful model.\nUser: Find me a recipe with rice.\nfunction_call: {"))
        #expect(prompt.text.contains("assistant's next turn"))
        #expect(!prompt.text.contains("[Instruction]"))
        #expect(prompt.text.contains("[Response]\nTry chicken fried rice."))

        // One turn is an ordinary instruction; the language follows the user turns.
        let single = JudgePrompt.render(instruction: "Hi", input: "", response: "Hello", conversation: [ScoringTurn(role: "user", text: "Hi")])
        #expect(single.text.contains("[Instruction]\nHi") && !single.text.contains("[Conversation]"))
        let chinese = JudgePrompt.render(
            instruction: "Hello", input: "", response: "好的",
            conversation: [ScoringTurn(role: "user", text: "Hello"), ScoringTurn(role: "assistant", text: "Hi"),
                           ScoringTurn(role: "user", text: "请用中文介绍一下长城的历史和它的主要作用。")])
        #expect(chinese.language == .chinese)
        #expect(chinese.text.contains("【对话】\n用户：Hello\n助手：Hi\n用户：请用中文"))
    }
}
