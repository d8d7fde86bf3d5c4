import Testing
@testable import Curation

@Suite struct HeuristicScorerTests {
    let scorer = HeuristicScorer()

    @Test func goodAnswersBeatBadOnes() {
        let good = scorer.score(instruction: "Give three tips for staying healthy.", output:
            "1. Eat a balanced diet and make sure to include plenty of fruits and vegetables.\n2. Exercise regularly to keep your body active and strong.\n3. Get enough sleep and maintain a consistent sleep schedule.")
        let refusal = scorer.score(instruction: "Draw a cat.", output: "I'm sorry, but I cannot draw pictures.")
        let truncated = scorer.score(instruction: "List fruits.", output: "Some common fruits that people enjoy every day are apples, bananas, oranges and")
        let loop = scorer.score(instruction: "Say something.", output: String(repeating: "very good ", count: 60))
        #expect(good.value >= 9)
        #expect(refusal.value < good.value && refusal.components["completeness"] == 0)
        #expect(truncated.value < good.value && truncated.components["completeness"] == 2)
        #expect(loop.value < good.value && loop.components["diversity"]! < 2)
        for s in [good, refusal, truncated, loop] { #expect((0...10).contains(s.value)) }
        #expect(refusal.rationale.contains("refusal"))
    }

    @Test func chineseIsScoredPerCharacter() {
        let zh = scorer.score(instruction: "给出三个保持健康的建议。", output: "1. 均衡饮食，多吃水果和蔬菜。\n2. 经常锻炼，保持身体活跃。\n3. 保证充足的睡眠，作息规律。")
        #expect(zh.value >= 9)
        #expect(zh.detail["units"] == .int(35))
    }

    @Test func instructionOnly() {
        let s = scorer.score(instruction: "Explain photosynthesis in simple words for a child.", output: nil)
        #expect(s.components["completeness"] == 10)
        #expect(s.value > 5)
    }
}
