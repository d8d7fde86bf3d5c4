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
        var language: PromptLanguage
    }

    /// An evolved row found for a planned evolution, with the state of its checks.
    struct ExistingChild: Sendable {
        var id: Int64
        var instruction: String
        /// evol-* filters whose latest verdict failed, with their reasons.
        var failed: [(filter: String, reason: String)]
        /// evol-* filters whose latest verdict passed.
        var passed: Set<String>
        var completionID: Int64?
        var answer: String?
    }

    /// Round 1: instructions that are not themselves evolutions, optionally narrowed by `--where` on the
    /// `examples` view, in id order.
    func selectRoots(where clause: String?) throws -> [Int64] {
        var sql = "SELECT id FROM instructions WHERE origin NOT IN ('evolved', 'rules')"
        if let clause {
            guard !clause.contains(";") else { throw UsageError("--where must be a single SQL expression (no ';')") }
            sql += " AND id IN (SELECT instruction_id FROM examples WHERE (\(clause)))"
        }
        sql += " ORDER BY id"
        do {
            return try database.query(sql).map { $0.int64("id") }
        } catch let error as DatabaseError {
            throw UsageError("--where: \(error.message) (columns are those of the examples view)")
        }
    }

    /// The rows with the given ids.
    func instructions(_ ids: [Int64]) throws -> [Int64: Instruction] {
        var result: [Int64: Instruction] = [:]
        for id in Set(ids) {
            guard let row = try database.first(
                "SELECT id, instruction, input, root_id FROM instructions WHERE id = ?", [.integer(id)])
            else { continue }
            let text = row.string("instruction")
            result[id] = Instruction(
                id: id, instruction: text, input: row.string("input"), rootID: row.optionalInt64("root_id") ?? id,
                language: PromptLanguage.detect(text + " " + row.string("input")))
        }
        return result
    }

    /// Matches planned evolutions to evolved rows already in the database. Rows are keyed by
    /// (parent, depth = round, strategy); when a parent has several slots with the same strategy, the n-th
    /// planned slot gets the n-th row by id.
    func existingChildren(for planned: [PlannedEvolution], origin: String) throws -> [PlannedEvolution: ExistingChild] {
        var result: [PlannedEvolution: ExistingChild] = [:]
        var used: [String: Int] = [:]
        for evolution in planned {
            let key = "\(evolution.parentID)|\(evolution.round)|\(evolution.strategy)"
            let rows = try database.query(
                """
                SELECT id, instruction FROM instructions
                WHERE parent_id = ? AND depth = ? AND strategy = ? AND origin = ? ORDER BY id
                """,
                [.integer(evolution.parentID), .integer(Int64(evolution.round)), .text(evolution.strategy), .text(origin)])
            let index = used[key, default: 0]
            guard index < rows.count else { continue }
            used[key] = index + 1
            let childID = rows[index].int64("id")
            result[evolution] = try child(id: childID, instruction: rows[index].string("instruction"))
        }
        return result
    }

    private func child(id: Int64, instruction: String) throws -> ExistingChild {
        let verdicts = try database.query(
            """
            SELECT filter, passed, reason FROM latest_verdicts
            WHERE instruction_id = ? AND filter LIKE 'evol-%' ORDER BY id
            """, [.integer(id)])
        let completion = try database.first(
            "SELECT id, output FROM completions WHERE instruction_id = ? ORDER BY sample_index, id LIMIT 1",
            [.integer(id)])
        return ExistingChild(
            id: id, instruction: instruction,
            failed: verdicts.filter { !$0.bool("passed") }.map { ($0.string("filter"), $0.string("reason")) },
            passed: Set(verdicts.filter { $0.bool("passed") }.map { $0.string("filter") }),
            completionID: completion?.int64("id"), answer: completion?.optionalString("output"))
    }

    /// Records one rule's result on an evolved instruction (completion set for rules judged on the answer).
    func recordVerdict(
        instructionID: Int64, completionID: Int64?, rule: EvolutionEliminationRule, elimination: EvolutionElimination?,
        runID: Int64
    ) throws {
        try database.execute(
            """
            INSERT INTO verdicts (instruction_id, completion_id, filter, passed, reason, run_id)
            VALUES (?, ?, ?, ?, ?, ?)
            """,
            [.integer(instructionID), SQLValue(completionID), .text(rule.filterName),
             .integer(elimination == nil ? 1 : 0), SQLValue(elimination?.reason), .integer(runID)])
    }
}
