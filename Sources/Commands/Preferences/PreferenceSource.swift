import Curation
import Store
import Synthesis

/// Reads, per instruction, the rated answers `dsbench preferences` chooses from: completions in the
/// `examples` view that pass their filters (`verdict <> 'fail'`) of instructions that are not duplicates,
/// matching the user's `--where`. For a pointwise scorer (judge, heuristic, …) an answer's rating is its
/// latest score from that scorer; for `pairwise` it is its win rate over the pairwise judgements between
/// passing answers (`PairwiseTally`), and pairs must agree with the direct judgement.
struct PreferenceSource {
    /// One instruction's material.
    struct Group {
        var instructionID: Int64
        /// Every passing answer (completion ids).
        var answers: [Int64] = []
        /// Passing answers with a rating.
        var candidates: [PreferenceCandidate] = []
        /// The text of every passing answer, so equal answers are never paired.
        var texts: [Int64: String] = [:]
        /// Passing answers without a rating from this scorer.
        var unrated: Int { answers.count - candidates.count }
        /// Pairwise only: the consistent outcomes, and the primary judgement id per unordered pair.
        var tally: PairwiseTally?
        var judgementIDs: [PairwiseTally.PairKey: Int64] = [:]
    }

    let scorer: String
    let condition: WhereCondition?
    /// Pairwise only: use this judge model's judgements; nil uses every judge's (the first judgement of a pair
    /// counts).
    var judge: String? = nil

    var isPairwise: Bool { scorer == "pairwise" }

    /// The query over `examples`.
    var sql: String {
        let filter = condition.map { " AND \($0.sql)" } ?? ""
        let rating = isPairwise
            ? "NULL"
            // instruction_id too, so the lookup is a search of scores_subject, not a scan of scores per row.
            : """
              (SELECT s.value FROM scores s WHERE s.instruction_id = e.instruction_id AND s.completion_id = e.completion_id
                AND s.scorer = ? ORDER BY s.id DESC LIMIT 1)
              """
        return """
            SELECT e.instruction_id, e.completion_id, e.output, \(rating) AS rating FROM examples e
            WHERE \(PairwiseJudgementRows.passingAnswers)\(filter)
            ORDER BY e.instruction_id, e.completion_id
            """
    }

    var arguments: [SQLValue] { isPairwise ? [] : [.text(scorer)] }

    /// Every group, in instruction order (instructions with at least one passing answer).
    func groups(_ database: Database) throws -> [Group] {
        var groups: [Group] = []
        try database.forEachRow(sql, arguments) { row in
            let instructionID = row.int64("instruction_id")
            if groups.last?.instructionID != instructionID { groups.append(Group(instructionID: instructionID)) }
            let completionID = row.int64("completion_id")
            groups[groups.count - 1].answers.append(completionID)
            groups[groups.count - 1].texts[completionID] = row.optionalString("output")
            if let rating = row.optionalDouble("rating") {
                groups[groups.count - 1].candidates.append(PreferenceCandidate(completionID: completionID, score: rating))
            }
        }
        if isPairwise { try ratePairwise(&groups, database) }
        for index in groups.indices {
            for candidate in groups[index].candidates.indices {
                groups[index].candidates[candidate].text = groups[index].texts[groups[index].candidates[candidate].completionID]
            }
        }
        return groups
    }

    /// Rates each group's answers by their win rates over the judgements between passing answers.
    private func ratePairwise(_ groups: inout [Group], _ database: Database) throws {
        let judgements = try PairwiseJudgementRows.byInstruction(database, judge: judge)
        for index in groups.indices {
            let passing = Set(groups[index].answers)
            let relevant = (judgements[groups[index].instructionID] ?? []).filter {
                passing.contains($0.judgement.first) && passing.contains($0.judgement.second)
            }
            let tally = PairwiseTally(relevant.map(\.judgement))
            groups[index].candidates = tally.candidates
            groups[index].tally = tally
            for (id, judgement) in relevant where !judgement.swapCheck {
                let key = PairwiseTally.PairKey(judgement.first, judgement.second)
                if groups[index].judgementIDs[key] == nil { groups[index].judgementIDs[key] = id }
            }
        }
    }
}
