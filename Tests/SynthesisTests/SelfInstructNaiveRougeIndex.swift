import Synthesis

/// A slow, obviously-correct ROUGE-L index (per-word / per-CJK-character tokens, table LCS) for tests.
struct SelfInstructNaiveRougeIndex: InstructionSimilarityIndex {
    var texts: [String] = []

    var count: Int { texts.count }
    mutating func append(_ text: String) { texts.append(text) }
    func text(at index: Int) -> String { texts[index] }

    func mostSimilar(to query: String, k: Int) -> [SimilarInstruction] {
        let q = Self.tokens(query)
        return texts.enumerated().map { SimilarInstruction(index: $0.offset, instruction: $0.element, score: Self.f1(q, Self.tokens($0.element))) }
            .sorted { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
            .prefix(k).map { $0 }
    }

    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var word = ""
        for ch in text.lowercased() {
            if ch.unicodeScalars.first.map({ (0x4E00...0x9FFF).contains($0.value) }) == true {
                if !word.isEmpty { result.append(word); word = "" }
                result.append(String(ch))
            } else if ch.isLetter || ch.isNumber {
                word.append(ch)
            } else if !word.isEmpty {
                result.append(word)
                word = ""
            }
        }
        if !word.isEmpty { result.append(word) }
        return result
    }

    static func f1(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var table = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
        for i in 1...a.count {
            for j in 1...b.count {
                table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1 : max(table[i - 1][j], table[i][j - 1])
            }
        }
        let lcs = Double(table[a.count][b.count])
        guard lcs > 0 else { return 0 }
        let precision = lcs / Double(a.count)
        let recall = lcs / Double(b.count)
        return 2 * precision * recall / (precision + recall)
    }
}
