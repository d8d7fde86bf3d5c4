import Curation
import Foundation
import Store
import Synthesis

/// What `dsbench evolve` reads from and writes to the database: the selected instructions, the evolved rows
/// already made (so a rerun continues instead of repeating), and the elimination verdicts.
struct EvolutionLedger {
    let database: Database

    /// The fields of an instruction row that evolution needs.
    struct Instruction: Sendable {
        var id: Int64
        var instruction: String
        var input: String
        var rootID: Int64
        /// Evolution steps from the root; a child's depth is this + 1.
        var depth: Int
    }

    /// An evolved row found for a planned evolution, with the state of its checks.
    struct ExistingChild: Sendable {
        var id: Int64
        var instruction: String
        var input: String
        /// evol-* filters whose latest verdict failed, with their reasons.
        var failed: [(filter: String, reason: String)]
        /// evol-* filters whose latest verdict passed.
        var passed: Set<String>
        var completionID: Int64?
        var answer: String?
    }

    /// Round 1: instructions that are not themselves evolutions, optionally narrowed by `--where` on the
    /// `examples` view, in id order.
    func selectRoots(where condition: WhereCondition?) throws -> [Int64] {
        // Instance rows of a self-instruct task (task_id set) repeat the task's instruction with another input;
        // the task row is evolved once for all of them.
        var sql = "SELECT id FROM instructions WHERE origin NOT IN ('evolved', 'rules') AND task_id IS NULL"
        if let condition {
            try condition.validate(in: database)
            sql += " AND id IN (SELECT instruction_id FROM examples WHERE \(condition.sql))"
        }
        sql += " ORDER BY id"
        return try database.query(sql).map { $0.int64("id") }
    }

    /// The rows with the given ids.
    func instructions(_ ids: [Int64]) throws -> [Int64: Instruction] {
        var result: [Int64: Instruction] = [:]
        for id in Set(ids) {
            guard let row = try database.first(
                "SELECT id, instruction, input, root_id, depth FROM instructions WHERE id = ?", [.integer(id)])
            else { continue }
            result[id] = Instruction(
                id: id, instruction: row.string("instruction"), input: row.string("input"),
                rootID: row.optionalInt64("root_id") ?? id, depth: row.int("depth"))
        }
        return result
    }

    /// Matches planned evolutions to evolved rows already in the database. Rows are keyed by
    /// (parent, round, strategy); when a parent has several slots with the same strategy, a model-made
    /// row goes to the slot whose seed its rewrite request carried (concurrent calls finish in any order, so
    /// ids alone cannot tell the slots apart); otherwise slots take the remaining rows in id order.
    func existingChildren(for planned: [PlannedEvolution], origin: String) throws -> [PlannedEvolution: ExistingChild] {
        var result: [PlannedEvolution: ExistingChild] = [:]
        var used = Set<Int64>()
        for evolution in planned {
            let rows = try database.query(
                """
                SELECT i.id, i.instruction, i.input, json_extract(l.request, '$.seed') AS wire_seed
                FROM instructions i LEFT JOIN llm_calls l ON l.id = i.llm_call_id
                WHERE i.parent_id = ? AND i.round = ? AND i.strategy = ? AND i.origin = ? ORDER BY i.id
                """,
                [.integer(evolution.parentID), .integer(Int64(evolution.round)), .text(evolution.strategy), .text(origin)])
            let free = rows.filter { !used.contains($0.int64("id")) }
            let seed = Int64(EvolutionRequestFactory.wireSeed(evolution.seed))
            let bySeed = free.first { $0.optionalInt64("wire_seed") == seed }
            let pick = bySeed ?? free.first { $0.optionalInt64("wire_seed") == nil } ?? free.first
            guard let row = pick else { continue }
            used.insert(row.int64("id"))
            result[evolution] = try child(
                id: row.int64("id"), instruction: row.string("instruction"), input: row.string("input"))
        }
        return result
    }

    private func child(id: Int64, instruction: String, input: String) throws -> ExistingChild {
        let verdicts = try database.query(
            """
            SELECT filter, passed, reason FROM latest_verdicts
            WHERE instruction_id = ? AND filter LIKE 'evol-%' ORDER BY id
            """, [.integer(id)])
        let completion = try database.first(
            "SELECT id, output FROM completions WHERE instruction_id = ? ORDER BY sample_index, id LIMIT 1",
            [.integer(id)])
        return ExistingChild(
            id: id, instruction: instruction, input: input,
            failed: verdicts.filter { !$0.bool("passed") }.map { ($0.string("filter"), $0.string("reason")) },
            passed: Set(verdicts.filter { $0.bool("passed") }.map { $0.string("filter") }),
            completionID: completion?.int64("id"), answer: completion?.optionalString("output"))
    }

    /// Records one rule's result on an evolved instruction (completion set for rules judged on the answer).
    /// `note` explains a pass that deserves one (e.g. an unreadable judge reply that kept the evolution).
    func recordVerdict(
        instructionID: Int64, completionID: Int64?, rule: EvolutionEliminationRule, elimination: EvolutionElimination?,
        note: String? = nil, runID: Int64
    ) throws {
        try VerdictStore(database).insert(.init(
            instructionID: instructionID, completionID: completionID, filter: rule.filterName,
            passed: elimination == nil, reason: elimination?.reason ?? note, detail: nil, runID: runID))
    }

    /// Writes a model-evolved instruction row pointing at its parent and root, with the rewrite call.
    func insertEvolved(
        instruction: String, input: String, parent: Instruction, evolution: PlannedEvolution, callID: Int64?, runID: Int64
    ) throws -> Int64 {
        var row = InstructionStore.NewInstruction(instruction: instruction, origin: .evolved, runID: runID)
        row.input = input
        row.parentID = parent.id
        row.rootID = parent.rootID
        row.strategy = evolution.strategy
        row.depth = parent.depth + 1
        row.round = evolution.round
        // The column holds LanguageDetector's codes (ja, ko, other… too), as import and generate write them.
        row.language = LanguageDetector.detect(input.isEmpty ? instruction : instruction + " " + input).rawValue
        row.llmCallID = callID
        return try InstructionStore(database).insert(row)
    }

    /// Writes the model's answer to an evolved instruction.
    func insertAnswer(
        instructionID: Int64, output: String, model: String, finishReason: String?, callID: Int64?, runID: Int64
    ) throws -> Int64 {
        var row = CompletionStore.NewCompletion(instructionID: instructionID, output: output, origin: .model, runID: runID)
        row.model = model
        row.finishReason = finishReason
        row.llmCallID = callID
        return try CompletionStore(database).insert(row)
    }
}
