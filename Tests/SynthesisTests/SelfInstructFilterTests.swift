import Foundation
import Curation
import Testing
@testable import Synthesis

@Suite struct SelfInstructFilterTests {
    let filter = GenerationFilter()

    @Test func lengthBoundsInWordsAndCJKCharacters() {
        #expect(filter.textChecks("Sort numbers")?.filter == "gen-length")
        #expect(filter.textChecks("Sort these numbers") == nil)
        #expect(filter.textChecks(Array(repeating: "word", count: 151).joined(separator: " "))?.filter == "gen-length")
        #expect(filter.textChecks(Array(repeating: "word", count: 150).joined(separator: " ")) == nil)
        #expect(filter.textChecks("好的")?.filter == "gen-length")
        #expect(filter.textChecks("排序列表") == nil)
        #expect(filter.textChecks(String(repeating: "字", count: 301))?.filter == "gen-length")
        #expect(filter.textChecks(String(repeating: "字", count: 300)) == nil)
    }

    @Test func blacklistPunctuationAndPrograms() {
        #expect(filter.textChecks("Describe the image below in detail.")?.filter == "gen-blacklist")
        #expect(filter.textChecks("Go to the store and buy milk.")?.filter == "gen-blacklist")
        #expect(filter.textChecks("Draw a cat using ASCII art.")?.filter == "gen-blacklist")
        #expect(filter.textChecks("请描述这张图片中的场景。")?.filter == "gen-blacklist")
        #expect(filter.textChecks("画一幅山水画的构图建议。")?.filter == "gen-blacklist")
        #expect(filter.textChecks("Explain the mapping between keys and values.") == nil, "map must match whole words only")
        #expect(filter.textChecks("- List three fruits please.")?.filter == "gen-punctuation")
        #expect(filter.textChecks("“列出三种水果。”")?.filter == "gen-punctuation")
        #expect(filter.textChecks("<b>List three fruits</b> please.")?.filter == "gen-punctuation")
        #expect(filter.textChecks("$ ls -la shows what exactly?")?.filter == "gen-punctuation")
        #expect(filter.textChecks("√2 的近似值是多少？请保留三位小数。") == nil, "a math sign is not leading punctuation")
        #expect(filter.textChecks("Write a program that sorts a list.")?.filter == "gen-program")
        #expect(filter.textChecks("编写一个程序来计算阶乘。")?.filter == "gen-program")
        let verdict = filter.textChecks("Describe this video clip please.")
        #expect(verdict?.passed == false)
        #expect(verdict?.reason?.contains("video") == true)
    }

    @Test func rougeGateListsMostSimilarAndGrowsThePool() throws {
        var pool = SelfInstructNaiveRougeIndex(texts: [
            "Give three tips for staying healthy.",
            "Translate the sentence into French.",
        ])
        let decisions = filter.evaluate([
            "Give three tips for staying healthy and happy.",
            "Explain how photosynthesis works in plants.",
            "Explain how photosynthesis works in green plants.",
            "Sort",
        ], pool: &pool)
        #expect(decisions.map(\.accepted) == [false, true, false, false])
        #expect(decisions.map(\.verdict.filter) == ["gen-rouge", "gen-rouge", "gen-rouge", "gen-length"])
        #expect(pool.count == 3)
        let detail = try #require(decisions[0].verdict.detailJSON)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(detail.utf8)) as? [String: Any])
        let similar = try #require(json["most_similar"] as? [[String: Any]])
        #expect(similar.first?["instruction"] as? String == "Give three tips for staying healthy.")
        #expect((similar.first?["score"] as? Double ?? 0) >= 0.7)
        #expect((json["threshold"] as? Double) == 0.7)
        // The third candidate was rejected because of the second, accepted in the same batch.
        #expect(decisions[2].verdict.detailJSON?.contains("photosynthesis") == true)
    }

    @Test func curationRougeIndexBacksTheGate() {
        var pool = RougeIndex(["Give three tips for staying healthy.", "解释一下天气和气候的区别。"])
        let decisions = filter.evaluate([
            "Give three tips for staying healthy and happy.", "请解释天气和气候的区别。", "推荐三本适合入门的历史书。",
        ], pool: &pool)
        #expect(decisions.map(\.accepted) == [false, false, true])
        #expect(pool.count == 3)
        let similar = pool.mostSimilar(to: "Give three tips for staying healthy.", k: 2)
        #expect(similar.first?.instruction == "Give three tips for staying healthy.")
        #expect(similar.first?.score == 1.0)
    }

    @Test func chineseRougeUsesCharacters() {
        var pool = SelfInstructNaiveRougeIndex(texts: ["解释一下天气和气候的区别。"])
        let decisions = filter.evaluate(["请解释天气和气候的区别。", "推荐三本适合入门的历史书。"], pool: &pool)
        #expect(decisions.map(\.accepted) == [false, true])
    }

    @Test func instanceFilter() {
        let result = InstanceFilter.check([
            TaskInstance(input: "2+2", output: "4"),
            TaskInstance(input: "same", output: "same"),
            TaskInstance(input: "x", output: "  "),
            TaskInstance(input: "2+2", output: "4"),
            TaskInstance(input: "3+3", output: "6"),
        ])
        #expect(result.kept == [TaskInstance(input: "2+2", output: "4"), TaskInstance(input: "3+3", output: "6")])
        #expect(result.dropped.map(\.reason) == ["output repeats the input", "empty output", "duplicate instance"])
        #expect(result.taskRejection == nil)
        let conflicting = InstanceFilter.check([
            TaskInstance(input: "Is 7 prime?", output: "Yes"), TaskInstance(input: "Is 7 prime?", output: "No"),
        ])
        #expect(conflicting.kept.isEmpty)
        #expect(conflicting.taskRejection != nil)
        #expect(InstanceFilter.check((0..<9).map { TaskInstance(input: "\($0)", output: "o\($0)") }, maxInstances: 5).kept.count == 5)
    }
}
