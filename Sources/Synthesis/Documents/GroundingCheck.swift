import Curation

/// `doc-grounded`: how much of an answer is supported by its chunk, measured as the ROUGE-L recall of the
/// answer against the chunk — the share of the answer's tokens (Latin words, CJK characters, see
/// `RougeL`) that appear, in order, in the passage (Lin 2004, "ROUGE", §3: recall = LCS / |reference|, here
/// with the answer as the reference). An answer that paraphrases the passage scores high; one that brings in
/// outside content scores low. Passes at `threshold` (default 0.5) or above.
public struct GroundingCheck: Sendable {
    public static let filter = "doc-grounded"
    public var threshold: Double

    public init(threshold: Double = 0.5) {
        self.threshold = threshold
    }

    /// The recall of `answer` against `passage`, 0…1 (1 for an empty answer never happens: it is 0).
    public func support(answer: String, passage: String) -> Double {
        // RougeL.score(target:prediction:) gives recall = LCS / |target|; the answer is the target here.
        RougeL.score(target: answer, prediction: passage).recall
    }

    public func passes(answer: String, passage: String) -> Bool {
        support(answer: answer, passage: passage) >= threshold
    }
}
