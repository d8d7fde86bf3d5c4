/// ROUGE-L between two texts (longest common subsequence of tokens), compatible with Python's
/// `rouge_score.RougeScorer(['rougeL'])` on non-CJK text and per-character on Chinese/Japanese/Korean.
public enum RougeL {
    /// Scores `prediction` against `target` (rouge_score's argument order).
    public static func score(target: String, prediction: String) -> RougeScore {
        var vocabulary = TokenVocabulary()
        let t = vocabulary.internTokens(of: target)
        let p = vocabulary.internTokens(of: prediction)
        return score(targetTokens: t, predictionTokens: p)
    }

    /// Scores two token-id sequences.
    public static func score(targetTokens: [Int32], predictionTokens: [Int32]) -> RougeScore {
        guard !targetTokens.isEmpty, !predictionTokens.isEmpty else {
            return RougeScore(precision: 0, recall: 0, fmeasure: 0)
        }
        let l = LCSPattern(targetTokens).lcs(predictionTokens)
        return RougeScore(lcs: l, targetLength: targetTokens.count, predictionLength: predictionTokens.count)
    }

    /// Classic O(m·n) dynamic-programming LCS; the reference the bit-parallel version is tested against.
    public static func lcsByTable(_ a: [Int32], _ b: [Int32]) -> Int {
        if a.isEmpty || b.isEmpty { return 0 }
        var previous = [Int](repeating: 0, count: b.count + 1)
        var current = previous
        for x in a {
            for j in 1...b.count {
                current[j] = x == b[j - 1] ? previous[j - 1] + 1 : max(previous[j], current[j - 1])
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
