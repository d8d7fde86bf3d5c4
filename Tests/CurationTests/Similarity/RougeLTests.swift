import Foundation
import Testing
@testable import Curation

/// One reference pair produced by Fixtures/make_rouge_fixture.py with Python rouge_score.
struct RougeFixturePair: Decodable {
    let target: String
    let prediction: String
    let precision: Double
    let recall: Double
    let fmeasure: Double
}

@Suite struct RougeLTests {
    static func fixture() throws -> [RougeFixturePair] {
        let url = try #require(Bundle.module.url(forResource: "rouge_fixture", withExtension: "json",
                                                 subdirectory: "Fixtures"))
        return try JSONDecoder().decode([RougeFixturePair].self, from: Data(contentsOf: url))
    }

    @Test func matchesPythonRougeScoreOnEveryFixturePair() throws {
        let pairs = try Self.fixture()
        #expect(pairs.count >= 1900)
        var worst = 0.0
        var failures: [String] = []
        for pair in pairs {
            let s = RougeL.score(target: pair.target, prediction: pair.prediction)
            let delta = max(abs(s.fmeasure - pair.fmeasure), abs(s.precision - pair.precision),
                            abs(s.recall - pair.recall))
            worst = max(worst, delta)
            if delta >= 1e-9 && failures.count < 5 {
                failures.append("\(pair.target.debugDescription) | \(pair.prediction.debugDescription): "
                                + "\(s.fmeasure) vs \(pair.fmeasure)")
            }
        }
        #expect(failures.isEmpty, "\(failures)")
        #expect(worst < 1e-9)
        // The fixture must exercise non-trivial scores, not only zeros.
        #expect(pairs.filter { $0.fmeasure > 0.5 && $0.fmeasure < 1 }.count > 300)
    }

    @Test func tokeniserFollowsRougeScoreRules() {
        #expect(RougeTokenizer.tokens("Hello, World! It's 2024-05-01.") == ["hello", "world", "it", "s", "2024", "05", "01"])
        #expect(RougeTokenizer.tokens("naïve café") == ["na", "ve", "caf"])
        #expect(RougeTokenizer.tokens("\u{212A}elvin") == ["kelvin"])
        #expect(RougeTokenizer.tokens("xİy") == ["xi", "y"])
        #expect(RougeTokenizer.tokens("ＡＢＣ") == [])  // full-width is not [a-z0-9] in Python either
        #expect(RougeTokenizer.tokens("用Python写代码") == ["用", "python", "写", "代", "码"])
        #expect(RougeTokenizer.tokens("カタカナ한국") == ["カ", "タ", "カ", "ナ", "한", "국"])
    }

    @Test func everyScriptGetsTokens() {
        let russian = "Напишите короткое стихотворение о море."
        #expect(RougeTokenizer.tokens(russian) == ["напишите", "короткое", "стихотворение", "о", "море"])
        #expect(RougeL.score(target: russian, prediction: russian).fmeasure == 1)
        #expect(RougeL.score(target: russian, prediction: "Напишите длинное стихотворение о горах.").fmeasure == 0.6)
        #expect(RougeTokenizer.tokens("Γεια σου κόσμε") == ["γεια", "σου", "κόσμε"])
        #expect(RougeTokenizer.tokens("नमस्ते दुनिया") == ["नमस्ते", "दुनिया"])  // vowel signs and virama stay in the word
        #expect(RougeTokenizer.tokens("สวัสดี") == ["ส", "วั", "ส", "ดี"])  // Thai per character with its marks
        #expect(RougeL.score(target: "ភាសាខ្មែរ", prediction: "ភាសាខ្មែរ").fmeasure == 1)
        // Mostly-Latin text keeps rouge_score's tokens exactly: a Greek letter inside English is dropped.
        #expect(RougeTokenizer.tokens("ΔT = T_final - T_initial") == ["t", "t", "final", "t", "initial"])
    }

    @Test func chineseGetsCharacterLevelScores() {
        let a = RougeL.score(target: "请写一首关于春天的诗", prediction: "写一首关于夏天的诗")
        // LCS = 写一首关于天的诗 (8) of 10 and 9 characters.
        #expect(abs(a.precision - 8.0 / 9.0) < 1e-12)
        #expect(abs(a.recall - 8.0 / 10.0) < 1e-12)
        #expect(a.fmeasure > 0.8)
        let unrelated = RougeL.score(target: "解释量子计算的基本原理", prediction: "推荐三本好书")
        #expect(unrelated.fmeasure < 0.2)
        #expect(RougeL.score(target: "你好世界", prediction: "你好世界").fmeasure == 1)
    }

    @Test func emptySidesScoreZero() {
        #expect(RougeL.score(target: "", prediction: "abc").fmeasure == 0)
        #expect(RougeL.score(target: "...", prediction: "!!!").fmeasure == 0)
    }

    @Test func bitParallelLCSEqualsTableOnRandomSequences() {
        var rng = SeededGenerator(seed: 7)
        for trial in 0..<400 {
            let alphabet = Int32(trial % 3 == 0 ? 3 : 20)
            let m = Int.random(in: 0...(trial % 5 == 0 ? 300 : 70), using: &rng)
            let n = Int.random(in: 0...200, using: &rng)
            let a = (0..<m).map { _ in Int32.random(in: 0..<alphabet, using: &rng) }
            let b = (0..<n).map { _ in Int32.random(in: 0..<alphabet, using: &rng) }
            #expect(LCSPattern(a).lcs(b) == RougeL.lcsByTable(a, b), "m=\(m) n=\(n)")
        }
    }
}

/// Deterministic SplitMix64 generator for reproducible tests.
struct SeededGenerator: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
