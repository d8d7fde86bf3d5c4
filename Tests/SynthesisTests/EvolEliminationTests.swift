import Testing
@testable import Synthesis

/// A tiny stand-in for Curation's refusal detector, enough to exercise the length half of the rule.
private let testRefusal: @Sendable (String) -> Bool = { text in
    let lowered = text.lowercased()
    return ["sorry", "i cannot", "i can't", "as an ai", "抱歉", "无法", "对不起"].contains { lowered.contains($0) }
}

@Suite("Evol elimination rules")
struct EvolEliminationTests {
    let eliminator = EvolutionEliminator(isRefusal: testRefusal)

    // MARK: rule 1, no information gain

    @Test("gain judge replies are parsed robustly", arguments: [
        ("EQUAL", InformationGainJudgement.noGain), ("Equal.", .noGain), ("They are the same.", .noGain),
        ("相同", .noGain), ("两条指令一样。", .noGain), ("<think>not equal? yes equal</think>Equal", .noGain),
        ("<think>they look equal, but the second adds", .unclear),
        ("DIFFERENT", .gain), ("Not Equal", .gain), ("not equal", .gain), ("Unequal", .gain),
        ("不同", .gain), ("不相同", .gain), ("不一样，第二条增加了约束。", .gain),
        ("banana", .unclear), ("", .unclear), ("42", .unclear),
    ])
    func parsesJudge(reply: String, expected: InformationGainJudgement) {
        #expect(InformationGainCheck.parse(reply) == expected)
    }

    @Test("no-gain fires on EQUAL and not on NOT EQUAL or nonsense")
    func noGainRule() {
        let fired = eliminator.eliminations(evolved: "Write a poem.", answer: nil, gainReply: "Equal")
        #expect(fired.map(\.rule) == [.noGain])
        #expect(fired.first?.reason.contains("no information gain") == true)
        #expect(eliminator.eliminations(evolved: "Write a poem.", answer: nil, gainReply: "Not equal").isEmpty)
        #expect(eliminator.eliminations(evolved: "Write a poem.", answer: nil, gainReply: "I like turtles").isEmpty)
    }

    @Test("gain prompt is bilingual and contains both instructions")
    func gainPrompt() {
        let english = InformationGainCheck.prompt(parent: "Sort a list.", evolved: "Sort a list of 1M ints.", language: .english)
        #expect(english.contains("Sort a list.") && english.contains("Sort a list of 1M ints.") && english.contains("EQUAL"))
        let chinese = InformationGainCheck.prompt(parent: "排序。", evolved: "对一百万个整数排序。", language: .chinese)
        #expect(chinese.contains("相同") && chinese.contains("对一百万个整数排序。"))
    }

    // MARK: rule 2, short refusal

    @Test("a short apology fires; an apology followed by a full answer does not")
    func refusalRule() {
        let short = "I'm sorry, but I cannot help with that request."
        #expect(eliminator.eliminations(evolved: "Explain X.", answer: short, gainReply: nil).map(\.rule) == [.refusal])
        let long = "Sorry for the confusion in the question. " + String(repeating: "Photosynthesis turns light into sugar. ", count: 60)
        #expect(ShortRefusalRule.wordEquivalentLength(of: long) > 300)
        #expect(eliminator.eliminations(evolved: "Explain X.", answer: long, gainReply: nil).isEmpty)
        let shortButHelpful = "Canberra is the capital of Australia."
        #expect(eliminator.eliminations(evolved: "Capital?", answer: shortButHelpful, gainReply: nil).isEmpty)
    }

    @Test("Chinese refusals are measured in characters (160 chars = 80 words)")
    func chineseRefusal() {
        let short = "抱歉，我无法回答这个问题。"
        #expect(eliminator.eliminations(evolved: "解释一下。", answer: short, gainReply: nil).map(\.rule) == [.refusal])
        let long = "抱歉，前面的问题有些含糊。" + String(repeating: "光合作用是植物利用光能把二氧化碳和水转化为糖的过程。", count: 8)
        #expect(long.count > 160)
        #expect(eliminator.eliminations(evolved: "解释一下。", answer: long, gainReply: nil).isEmpty)
    }

    // MARK: rule 3, only stop words

    @Test("only punctuation and stop words fires; a content word or number does not", arguments: [
        ("...", true), ("It is what it is!", true), ("That's it, isn’t it?", true), ("的了吗？", true), ("我们是……", true), ("", true),
        ("It is 42.", false), ("Canberra.", false), ("是的，北京。", false), ("42", false),
    ])
    func stopwords(answer: String, fires: Bool) {
        #expect(StopwordOnlyRule.isOnlyStopwordsAndPunctuation(answer) == fires)
        let rules = eliminator.eliminations(evolved: "Name the capital of Australia.", answer: answer, gainReply: nil)
        #expect(rules.contains { $0.rule == .stopwords } == fires)
    }

    @Test("an evolved instruction without content words is eliminated")
    func emptyEvolution() {
        #expect(eliminator.eliminations(evolved: "", answer: nil, gainReply: nil).map(\.rule) == [.stopwords])
        #expect(eliminator.eliminations(evolved: "Explain it.", answer: nil, gainReply: nil).isEmpty)
    }

    // MARK: rule 4, template leak

    @Test("template wording fires; a near-miss does not", arguments: [
        ("#Rewritten Prompt#: Write a poem about rain.", true),
        ("Using the given prompt, write a longer poem.", true),
        ("Rewrite the #The Given Prompt# so it is harder.", true),
        ("根据改写后的指令，写一首诗。", true),
        ("#原始指令# 写一首诗", true),
        ("Given the prompt below, write a poem about rain.", false),
        ("Rewrite this paragraph so that a ten-year-old can follow it.", false),
        ("请根据下面的提示写一首诗。", false),
    ])
    func leak(evolved: String, fires: Bool) {
        #expect((TemplateLeakRule.leakedPhrase(in: evolved) != nil) == fires)
        let rules = eliminator.eliminations(evolved: evolved, answer: nil, gainReply: nil)
        #expect(rules.contains { $0.rule == .leak } == fires)
    }

    @Test("wording the parent already had is inherited, not leaked")
    func inheritedWording() {
        let parent = "Rewrite the given prompt in the passive voice."
        #expect(TemplateLeakRule.leakedPhrase(in: "Rewrite the given prompt in the passive voice, in 20 words.", parent: parent) == nil)
        #expect(TemplateLeakRule.leakedPhrase(in: "#Rewritten Prompt#: rewrite the given prompt.", parent: parent) == "#rewritten prompt#")
        #expect(eliminator.eliminations(evolved: "Using the given prompt, write more.", parent: "Write.", answer: nil, gainReply: nil)
            .map(\.rule) == [.leak])
    }

    @Test("filter names are the documented ones")
    func filterNames() {
        #expect(EvolutionEliminationRule.allCases.map(\.filterName) == ["evol-no-gain", "evol-refusal", "evol-stopwords", "evol-leak", "evol-stacked"])
    }
}
