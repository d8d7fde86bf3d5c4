import Curation

/// Rejects a question already asked: exactly (equal comparison keys of `dedup --method exact`, which ignore
/// case, width, whitespace and punctuation) or nearly (ROUGE-L F ≥ `threshold` with an accepted one, the Self-Instruct gate).
/// Used for Magpie queries across a run and for document questions within one document; `filter` names
/// the verdict. Accepted questions join the gate.
public struct DuplicateQuestionGate<Index: InstructionSimilarityIndex> {
    public let filter: String
    public var threshold: Double
    private var seen: Set<String>
    private var index: Index

    public init(filter: String, index: Index, threshold: Double = 0.7) {
        self.filter = filter
        self.threshold = threshold
        self.index = index
        seen = Set((0..<index.count).map { Self.key(index.text(at: $0)) })
    }

    public var count: Int { index.count }

    /// A failing verdict when `question` repeats an accepted one, else a passing one; a passing question is added.
    public mutating func check(_ question: String) -> GenerationVerdict {
        let key = Self.key(question)
        if seen.contains(key) {
            return GenerationVerdict(filter: filter, passed: false, reason: "exact duplicate of an earlier question",
                                     detailJSON: #"{"method":"exact"}"#)
        }
        var gate = GenerationFilter()
        gate.rougeThreshold = threshold
        gate.similarListed = 3
        var verdict = gate.rougeCheck(question, pool: index)
        verdict.filter = filter
        if verdict.passed {
            seen.insert(key)
            index.append(question)
        }
        return verdict
    }

    /// The comparison key: the one `dedup --method exact` uses, so a question the gate lets through is never an
    /// exact duplicate to dedup.
    static func key(_ text: String) -> String { ExactDeduplicator.key(text) }
}
