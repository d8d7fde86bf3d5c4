import Curation

/// Elimination rule 3: a text made only of punctuation, whitespace and stop words says nothing.
/// Digits and any content word keep the text ("42" is a real answer).
public enum StopwordOnlyRule {
    /// True when `text` has no content token. Empty text counts as having none.
    public static func isOnlyStopwordsAndPunctuation(_ text: String) -> Bool {
        // Apostrophes are dropped first so contractions stay one unit ("don't" → "dont", as listed).
        let folded = text.replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\u{2019}", with: "")
        var cjkRun: [Character] = []
        for unit in UnitTokenizer.units(folded) {
            if let character = unit.first, unit.count == 1, character.isCJK {
                cjkRun.append(character)
                continue
            }
            guard chineseRunIsStopwords(cjkRun) else { return false }
            cjkRun.removeAll()
            if !StopWords.english.contains(String(unit)) { return false }
        }
        return chineseRunIsStopwords(cjkRun)
    }

    /// Covers the run with Chinese stop words, longest match first; false at the first uncovered character.
    private static func chineseRunIsStopwords(_ run: [Character]) -> Bool {
        var start = 0
        while start < run.count {
            var matched = 0
            var length = min(StopWords.longestChinese, run.count - start)
            while length > 0 {
                if StopWords.chinese.contains(String(run[start..<start + length])) {
                    matched = length
                    break
                }
                length -= 1
            }
            if matched == 0 { return false }
            start += matched
        }
        return true
    }

    /// The elimination for an evolved instruction and its answer (nil answer: not completed yet).
    public static func elimination(evolved: String, answer: String?) -> EvolutionElimination? {
        if isOnlyStopwordsAndPunctuation(evolved) {
            return EvolutionElimination(
                rule: .stopwords, reason: "the evolved instruction has no content words: \"\(evolved.prefix(80))\"")
        }
        return answer.flatMap(elimination(answer:))
    }

    /// The elimination for an answer alone (judged after the instruction has passed).
    public static func elimination(answer: String) -> EvolutionElimination? {
        guard isOnlyStopwordsAndPunctuation(answer) else { return nil }
        return EvolutionElimination(
            rule: .stopwords, reason: "the answer is only punctuation and stop words: \"\(answer.prefix(80))\"")
    }
}
