import Testing
@testable import Synthesis

@Suite("Evol prompt templates")
struct EvolPromptTemplateTests {
    @Test("language detection counts CJK per character and Latin per word")
    func detectsLanguage() {
        #expect(PromptLanguage.detect("Explain how photosynthesis works.") == .english)
        #expect(PromptLanguage.detect("简单介绍一下清明节的由来。") == .chinese)
        #expect(PromptLanguage.detect("解释一下 Python 的装饰器是什么") == .chinese)
        #expect(PromptLanguage.detect("Translate the phrase 你好 into English and explain its tone") == .english)
        #expect(PromptLanguage.detect("") == .english)
    }

    @Test("English instructions get the English template, Chinese ones the Chinese template",
          arguments: EvolutionStrategy.allCases)
    func templateFollowsLanguage(strategy: EvolutionStrategy) {
        let english = EvolutionPromptTemplate.prompt(
            for: strategy, instruction: "Write a haiku about autumn.", language: PromptLanguage.detect("Write a haiku about autumn."))
        #expect(english.contains("#Given Instruction#"))
        #expect(english.contains("Write a haiku about autumn."))
        #expect(!english.contains("#原始指令#"))
        let chineseInstruction = "以“江南春雨”为题写一首七言绝句。"
        let chinese = EvolutionPromptTemplate.prompt(
            for: strategy, instruction: chineseInstruction, language: PromptLanguage.detect(chineseInstruction))
        #expect(chinese.contains("#原始指令#"))
        #expect(chinese.contains(chineseInstruction))
        #expect(!chinese.contains("#Given Instruction#"))
    }

    @Test("in-depth templates differ by method and keep the input; breadth asks for a new instruction")
    func methodsDiffer() {
        let prompts = EvolutionStrategy.allCases.map {
            EvolutionPromptTemplate.prompt(for: $0, instruction: "Sort the list.", input: "[3, 1, 2]", language: .english)
        }
        #expect(Set(prompts).count == EvolutionStrategy.allCases.count)
        #expect(prompts.allSatisfy { $0.contains("Sort the list.\n\n[3, 1, 2]") })
        let breadth = EvolutionPromptTemplate.prompt(for: .breadth, instruction: "Sort the list.", language: .english)
        #expect(breadth.contains("#New Instruction#"))
        #expect(!breadth.contains("#Rewritten Instruction#"))
        let deepen = EvolutionPromptTemplate.prompt(for: .deepen, instruction: "Sort the list.", language: .english)
        #expect(deepen.contains("10 to 20 words"))
        #expect(EvolutionPromptTemplate.identifier == "dsbench-evol@\(EvolutionPromptTemplate.version)")
    }

    @Test("strategy lists parse, deduplicate and reject unknown names")
    func parsesStrategies() throws {
        #expect(try EvolutionStrategy.parseList("deepen, breadth,deepen").get() == [.deepen, .breadth])
        #expect(try EvolutionStrategy.parseList("complicate-input").get() == [.complicateInput])
        #expect(try EvolutionStrategy.parseList("all").get() == EvolutionStrategy.allCases)
        #expect(throws: UnknownStrategy(name: "harder")) { try EvolutionStrategy.parseList("deepen,harder").get() }
    }
}
