import Curation

/// Curation's bit-parallel ROUGE-L index backs the Self-Instruct gate (words and CJK characters as tokens).
extension RougeIndex: InstructionSimilarityIndex {
    public func mostSimilar(to query: String, k: Int) -> [SimilarInstruction] {
        topK(query, k: k).map { SimilarInstruction(index: $0.index, instruction: text(at: $0.index), score: $0.score.fmeasure) }
    }
}
