import Foundation
import Testing
@testable import Synthesis

@Suite("Rule augmenter")
struct RuleAugmenterTests {
    let augmenter = RuleAugmenter()
    let english = "Explain how photosynthesis works to a ten-year-old."
    let chinese = "简单介绍一下清明节的由来和主要习俗。"

    @Test("deterministic for a seed, varied across seeds", arguments: RuleAugmentation.allCases)
    func deterministic(kind: RuleAugmentation) {
        let a = augmenter.augment(english, kind: kind, seed: 42)
        #expect(a == augmenter.augment(english, kind: kind, seed: 42))
        let variants = Set((0..<40).map { augmenter.augment(english, kind: kind, seed: UInt64($0)) })
        #expect(variants.count >= 3)
        #expect(a != english)
    }

    @Test("English instructions get English phrasing and keep their content", arguments: RuleAugmentation.allCases)
    func englishPhrasing(kind: RuleAugmentation) {
        for seed in UInt64(0)..<30 {
            let out = augmenter.augment(english, kind: kind, seed: seed)
            #expect(out.lowercased().contains("how photosynthesis works to a ten-year-old"))
            #expect(PromptLanguage.detect(out) == .english)
            #expect(!out.contains { $0.isCJK })
        }
    }

    @Test("Chinese instructions get Chinese phrasing", arguments: RuleAugmentation.allCases)
    func chinesePhrasing(kind: RuleAugmentation) {
        for seed in UInt64(0)..<30 {
            let out = augmenter.augment(chinese, kind: kind, seed: seed)
            #expect(out.contains("简单介绍一下清明节的由来和主要习俗"))
            #expect(PromptLanguage.detect(out) == .chinese)
            #expect(!out.contains("Please") && !out.contains("field"))
        }
    }

    @Test("template forms read naturally")
    func templateForms() {
        let outputs = Set((0..<60).map { augmenter.augment("Write a haiku about autumn.", kind: .template, seed: UInt64($0)) })
        #expect(outputs.contains("Please write a haiku about autumn."))
        #expect(outputs.contains("How would you write a haiku about autumn?"))
        #expect(outputs.contains("Complete the following task: Write a haiku about autumn."))
        let questions = Set((0..<60).map { augmenter.augment("Why is the sky blue?", kind: .template, seed: UInt64($0)) })
        #expect(questions.allSatisfy { !$0.hasPrefix("Please why") && $0.contains("Why is the sky blue?") })
        #expect(questions.allSatisfy { !$0.contains("?.") })
        let constrained = Set((0..<60).map { augmenter.augment("Why is the sky blue?", kind: .constraint, seed: UInt64($0)) })
        #expect(constrained.allSatisfy { $0.hasPrefix("Why is the sky blue? ") })
        let zh = Set((0..<60).map { augmenter.augment("写一首关于秋天的诗。", kind: .template, seed: UInt64($0)) })
        #expect(zh.contains("请写一首关于秋天的诗。"))
        #expect(zh.contains("帮我写一首关于秋天的诗。"))
        #expect(zh.contains("完成以下任务：写一首关于秋天的诗。"))
        let domains = Set((0..<80).map { augmenter.augment("写一首关于秋天的诗。", kind: .domain, seed: UInt64($0)) })
        #expect(domains.contains("在教育领域，写一首关于秋天的诗。"))
    }

    @Test("chained rewrites do not repeat the phrase an earlier round added")
    func noStacking() {
        for seed in UInt64(0)..<200 {
            for kind in RuleAugmentation.allCases {
                let once = augmenter.augment(english, kind: kind, seed: seed)
                let twice = augmenter.augment(once, kind: kind, seed: seed &+ 1)
                let added = once.replacingOccurrences(of: "Explain how photosynthesis works to a ten-year-old", with: "")
                    .trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
                if added.count >= 4 {
                    #expect(twice.components(separatedBy: added).count <= 2, "\(twice)")
                }
                let zhOnce = augmenter.augment(chinese, kind: kind, seed: seed)
                let zhTwice = augmenter.augment(zhOnce, kind: kind, seed: seed &+ 1)
                #expect(!zhTwice.hasPrefix("请请") && !zhTwice.hasPrefix("帮我帮我"))
            }
        }
    }

    @Test("acronyms and 'I' keep their capitals")
    func capitals() {
        #expect(RuleAugmenter.lowercasingFirstWord("NASA launched it") == "NASA launched it")
        #expect(RuleAugmenter.lowercasingFirstWord("I need a plan") == "I need a plan")
        #expect(RuleAugmenter.lowercasingFirstWord("Describe a cat") == "describe a cat")
    }

    @Test("strategy names are labelled rules")
    func names() {
        #expect(RuleAugmentation.allCases.map(\.strategyName) == ["rules:template", "rules:domain", "rules:complexity", "rules:constraint"])
        #expect(RuleAugmentation(strategyName: "rules:domain") == .domain)
        #expect(RuleAugmentation(strategyName: "deepen") == nil)
    }

    @Test("instructions that already carry a kind's wording are recognised, so rounds do not stack it")
    func carriesForm() {
        let augmenter = RuleAugmenter()
        #expect(augmenter.carriesForm(.domain, in: "在教育领域，判断这条外卖评价的情感倾向。"))
        #expect(!augmenter.carriesForm(.domain, in: "判断这条外卖评价的情感倾向。"))
        #expect(augmenter.carriesForm(.template, in: "Please explain how tides work."))
        #expect(augmenter.carriesForm(.template, in: "请以专业的方式回答：什么是通货膨胀？"))
        #expect(!augmenter.carriesForm(.template, in: "Explain how tides work."))
        #expect(augmenter.carriesForm(.constraint, in: "Explain how tides work. Number each step."))
        #expect(!augmenter.carriesForm(.constraint, in: "Explain how tides work."))
        // Whatever kind a round drew, the result carries that kind's wording.
        for kind in RuleAugmentation.allCases {
            let out = augmenter.augment("Explain how tides work.", kind: kind, seed: 3)
            #expect(augmenter.carriesForm(kind, in: out), "\(kind): \(out)")
        }
    }
}
