import Testing
@testable import Synthesis

@Suite struct SelfInstructPromptTests {
    @Test func languageFollowsThePool() {
        #expect(PromptLanguage.detect(["给出三个保持健康的建议。", "把这句话翻译成英文。"]) == .chinese)
        #expect(PromptLanguage.detect(["Give three tips for staying healthy.", "解释 Python"]) == .english)
        #expect(PromptLanguage.detect(["解释一下 Python 的装饰器"]) == .chinese)
    }

    @Test func generationPromptNumbersExamplesAndContinues() {
        let examples = (1...8).map { "Example task number \($0)\nwith a second line" }
        let english = TaskGenerationPrompt(language: .english, requestedCount: 8)
        let text = english.text(examples: examples)
        #expect(text.contains("1. Example task number 1 with a second line"))
        #expect(text.contains("8. Example task number 8"))
        #expect(text.hasSuffix("continue the numbering from 9):"))
        #expect(english.templateID.description == "self-instruct-generate-en@1")
        let chinese = TaskGenerationPrompt(language: .chinese, requestedCount: 5)
        let zh = chinese.text(examples: ["任务一", "任务二"])
        #expect(zh.contains("1. 任务一"))
        #expect(zh.contains("从 3 开始继续编号"))
        #expect(zh.contains("5 个新任务"))
        #expect(chinese.templateID.description == "self-instruct-generate-zh@1")
    }

    @Test func instancePromptsPickInputOrOutputFirst() {
        let ordinary = InstancePrompt(language: .english, outputFirst: false).text(instruction: "Convert km to miles.")
        #expect(ordinary.contains("Input:"))
        #expect(ordinary.hasSuffix("Task: Convert km to miles."))
        let labelled = InstancePrompt(language: .chinese, outputFirst: true).text(instruction: "判断情感。")
        #expect(labelled.contains("类别标签："))
        #expect(labelled.hasSuffix("任务：判断情感。"))
        #expect(InstancePrompt(language: .chinese, outputFirst: true).templateID.name.hasSuffix("output-first-zh"))
        #expect(ClassificationPrompt(language: .english).text(instruction: "Is it spam?").hasSuffix("Task: Is it spam?\nClassification task:"))
    }

    @Test func poolSamplerIsDeterministicAndMixesSeedsAndMachine() {
        let seeds = (0..<20).map { "s\($0)" }
        let machine = (0..<10).map { "m\($0)" }
        let sampler = PoolSampler(seedCount: 6, machineCount: 2, runSeed: 42)
        let first = sampler.sample(seeds: seeds, machine: machine, promptIndex: 3)
        #expect(first == sampler.sample(seeds: seeds, machine: machine, promptIndex: 3))
        #expect(first != sampler.sample(seeds: seeds, machine: machine, promptIndex: 4))
        #expect(first.count == 8)
        #expect(first.prefix(6).allSatisfy { $0.hasPrefix("s") })
        #expect(first.suffix(2).allSatisfy { $0.hasPrefix("m") })
        #expect(Set(first).count == 8)
        let noMachine = sampler.sample(seeds: seeds, machine: [], promptIndex: 0)
        #expect(noMachine.count == 8 && noMachine.allSatisfy { $0.hasPrefix("s") })
        #expect(sampler.sample(seeds: ["a", "b"], machine: [], promptIndex: 0).count == 2)
    }
}
