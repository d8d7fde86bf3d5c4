/// A straightforward ROUGE-L index (dynamic-programming LCS, words and CJK characters as tokens).
/// Interim engine for the generation gate until Curation's bit-parallel `RougeIndex` is wired in.
public struct PlainRougeIndex: InstructionSimilarityIndex, Sendable {
    private var texts: [String] = []
    private var tokenized: [[String]] = []

    public init<S: Sequence>(_ texts: S) where S.Element == String {
        for text in texts { append(text) }
    }

    public var count: Int { texts.count }

    public mutating func append(_ text: String) {
        texts.append(text)
        tokenized.append(Self.tokens(text))
    }

    public func text(at index: Int) -> String { texts[index] }

    public func mostSimilar(to query: String, k: Int) -> [SimilarInstruction] {
        let q = Self.tokens(query)
        var scored: [SimilarInstruction] = []
        scored.reserveCapacity(texts.count)
        for (index, tokens) in tokenized.enumerated() {
            scored.append(SimilarInstruction(index: index, instruction: texts[index], score: Self.fmeasure(q, tokens)))
        }
        scored.sort { $0.score != $1.score ? $0.score > $1.score : $0.index < $1.index }
        return Array(scored.prefix(k))
    }

    static func tokens(_ text: String) -> [String] {
        var result: [String] = []
        var word = ""
        for scalar in text.lowercased().unicodeScalars {
            if TextUnits.isCJK(scalar) {
                if !word.isEmpty { result.append(word); word = "" }
                result.append(String(scalar))
            } else if scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) {
                word.unicodeScalars.append(scalar)
            } else if !word.isEmpty {
                result.append(word)
                word = ""
            }
        }
        if !word.isEmpty { result.append(word) }
        return result
    }

    static func fmeasure(_ a: [String], _ b: [String]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for i in 1...a.count {
            for j in 1...b.count {
                current[j] = a[i - 1] == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        let lcs = Double(previous[b.count])
        guard lcs > 0 else { return 0 }
        let precision = lcs / Double(a.count), recall = lcs / Double(b.count)
        return 2 * precision * recall / (precision + recall)
    }
}
