import Foundation

/// One answer to an instruction with its rating on 0–10: a judge's score, or for pairwise judging the answer's
/// win rate × 10 (see `PairwiseTally`). `completionID` is `completions.id`; `text` is the answer's text when
/// known, so two answers with the same text are never made a pair (every trainer would drop or learn nothing
/// from it).
public struct PreferenceCandidate: Sendable, Hashable {
    public var completionID: Int64
    public var score: Double
    public var text: String?

    public init(completionID: Int64, score: Double, text: String? = nil) {
        self.completionID = completionID
        self.score = score
        self.text = text
    }

    /// Whether both texts are known and equal after trimming surrounding whitespace (as the exporters compare).
    func sameText(as other: PreferenceCandidate) -> Bool {
        guard let text, let otherText = other.text else { return false }
        return text.trimmingCharacters(in: .whitespacesAndNewlines) == otherText.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
