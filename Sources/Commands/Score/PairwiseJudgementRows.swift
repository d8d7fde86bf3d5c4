import Curation
import Store
import Synthesis

/// What `score --scorer pairwise` and `preferences` both read: which answers take part in pairwise comparison,
/// and the stored judgements between them.
enum PairwiseJudgementRows {
    /// The rows of the `examples` view whose answers are compared and rated: an answer that passed its filters,
    /// of an instruction that is not a duplicate.
    static let passingAnswers = "completion_id IS NOT NULL AND verdict <> 'fail' AND NOT is_duplicate"

    /// Readable judgements per instruction, in the order they were made (a pair's first judgement first), each
    /// with its row id. `judge` and `template` narrow to one judge model and one prompt version when given.
    static func byInstruction(
        _ database: Database, judge: String? = nil, template: String? = nil
    ) throws -> [Int64: [(id: Int64, judgement: PairwiseJudgement)]] {
        var filters: [String] = [], arguments: [SQLValue] = []
        if let judge { filters.append("judge = ?"); arguments.append(.text(judge)) }
        if let template { filters.append("template = ?"); arguments.append(.text(template)) }
        let filter = filters.isEmpty ? "" : " WHERE " + filters.joined(separator: " AND ")
        var judgements: [Int64: [(id: Int64, judgement: PairwiseJudgement)]] = [:]
        try database.forEachRow(
            "SELECT id, instruction_id, first_id, second_id, winner, swap_check FROM pairwise_judgements\(filter) ORDER BY id",
            arguments
        ) { row in
            guard let winner = PairwiseWinner(rawValue: row.string("winner")) else { return }
            judgements[row.int64("instruction_id"), default: []].append((row.int64("id"), PairwiseJudgement(
                first: row.int64("first_id"), second: row.int64("second_id"), winner: winner, swapCheck: row.bool("swap_check"))))
        }
        return judgements
    }
}
