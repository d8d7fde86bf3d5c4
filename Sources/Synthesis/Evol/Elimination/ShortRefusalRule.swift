import Curation

/// Elimination rule 2: the answer is a refusal or apology *and* short. A model that apologises and then
/// answers at length has answered, so length is part of the rule.
public struct ShortRefusalRule: Sendable {
    /// Answers shorter than this many word-equivalents (Latin words; CJK characters count half, so 160
    /// Chinese characters equal 80 words) may be refusals.
    public static let shortAnswerWords = 80.0

    /// Decides whether a text reads as a refusal or apology; supplied by Curation's refusal detector.
    public let isRefusal: @Sendable (String) -> Bool

    public init(isRefusal: @escaping @Sendable (String) -> Bool) {
        self.isRefusal = isRefusal
    }

    /// The elimination for an answer, or nil.
    public func elimination(answer: String) -> EvolutionElimination? {
        let length = Self.wordEquivalentLength(of: answer)
        guard length < Self.shortAnswerWords, isRefusal(answer) else { return nil }
        let shown = length.rounded() == length ? String(Int(length)) : String(length)
        return EvolutionElimination(
            rule: .refusal, reason: "the answer is a refusal or apology of \(shown) words: \"\(answer.prefix(80))\"")
    }

    /// Length in "words": words of per-word scripts (Curation's `ScriptCounts`) count one each, CJK characters
    /// half each, so that 80 English words and 160 Chinese characters are the same length.
    public static func wordEquivalentLength(of text: String) -> Double {
        let counts = ScriptCounts(text)
        return Double(counts.latinWords + counts.otherWords + counts.numbers) + Double(counts.cjk) / 2
    }
}
