import Foundation
import Testing
@testable import Curation

@Suite struct RougeIndexTests {
    static let pool = [
        "Write a poem about the ocean.",
        "Write a short poem about the sea.",
        "Explain how photosynthesis works.",
        "List three benefits of exercise.",
        "写一首关于大海的诗",
        "解释光合作用的原理",
    ]

    @Test func topKRanksByFMeasureAndMatchesPairwiseScores() {
        let index = RougeIndex(Self.pool)
        let top = index.topK("Write a poem about the sea", k: 3)
        #expect(top.map(\.index) == [1, 0])  // others share no token and are skipped
        for match in top {
            let direct = RougeL.score(target: Self.pool[match.index], prediction: "Write a poem about the sea")
            #expect(abs(direct.fmeasure - match.score.fmeasure) < 1e-12)
        }
        #expect(top[0].score.fmeasure >= top[1].score.fmeasure)
        #expect(index.text(at: 4) == "写一首关于大海的诗")
        #expect(index.count == Self.pool.count)
        let zh = index.topK("写一首关于海的诗", k: 1)
        #expect(zh.first?.index == 4)
    }

    @Test func parallelAndSerialScansAgree() {
        var texts: [String] = []
        var rng = SeededGenerator(seed: 11)
        let words = ["alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "iota", "kappa"]
        for _ in 0..<3000 {
            texts.append((0..<Int.random(in: 3...30, using: &rng)).map { _ in words.randomElement(using: &rng)! }
                .joined(separator: " "))
        }
        var parallel = RougeIndex(texts)
        parallel.parallelThreshold = 1
        var serial = parallel
        serial.parallelThreshold = Int.max
        for q in texts.prefix(20) {
            #expect(parallel.topK(q, k: 10) == serial.topK(q, k: 10))
            #expect(parallel.firstMatch(q, atLeast: 0.6) == serial.firstMatch(q, atLeast: 0.6))
        }
        // The first match is the lowest-index text at or above the threshold.
        let q = texts[2500]
        let first = parallel.firstMatch(q, atLeast: 0.999)
        let expected = texts.firstIndex { RougeL.score(target: $0, prediction: q).fmeasure >= 0.999 }
        #expect(first?.index == expected)
    }

    @Test func thresholdCheck() {
        let index = RougeIndex(Self.pool)
        #expect(index.contains(similarTo: "Explain how photosynthesis works!", atLeast: 0.7))
        #expect(!index.contains(similarTo: "Describe the history of Rome.", atLeast: 0.7))
        #expect(index.firstMatch("", atLeast: 0.1) == nil)
    }
}
