import Curation

/// Rejects a question already asked: exactly (after folding case, runs of whitespace and
/// trailing punctuation) or nearly (ROUGE-L F ≥ `threshold` with an accepted one, the Self-Instruct gate).
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

    static func key(_ text: String) -> String {
        var folded = text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        while let last = folded.last, last.isPunctuation { folded.removeLast() }
        return folded
    }
}
