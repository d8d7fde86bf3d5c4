import Report
import Store

/// The reproducible sample: `--sample N` rows of the selection drawn with `--seed` (`ExampleDraw`), shown in id
/// order with their verdicts, best score and lineage.
extension ReportCollector {
    func sample() throws -> [SampleExample] {
        guard sampleSize > 0 else { return [] }
        let draw = ExampleDraw(conditions: condition.map { [$0.sql] } ?? [], size: sampleSize, seed: seed)
        let chosen = try draw.keys(in: database).sorted {
            ($0.instructionID, $0.completionID ?? 0) < ($1.instructionID, $1.completionID ?? 0)
        }
        return try chosen.compactMap { try example(instructionID: $0.instructionID, completionID: $0.completionID) }
    }

    func example(instructionID: Int64, completionID: Int64?) throws -> SampleExample? {
        guard let row = try database.first(
            """
            SELECT instruction_id, completion_id, origin, language, instruction, input, output, system, verdict,
                best_score, is_duplicate FROM examples WHERE instruction_id = ? AND completion_id IS ?
            """, [.integer(instructionID), SQLValue(completionID)])
        else { return nil }
        var example = SampleExample(
            instructionID: instructionID, completionID: completionID, origin: row.string("origin"),
            language: row.string("language"), instruction: row.string("instruction"), input: row.string("input"),
            output: row.optionalString("output"), system: row.optionalString("system"), verdict: row.string("verdict"))
        example.bestScore = row.optionalDouble("best_score")
        example.isDuplicate = row.bool("is_duplicate")
        example.verdicts = try database.query(
            """
            SELECT filter, passed, reason FROM latest_verdicts
            WHERE instruction_id = ? AND (completion_id IS NULL OR completion_id IS ?) ORDER BY passed, filter
            """, [.integer(instructionID), SQLValue(completionID)]
        ).map { .init(filter: $0.string("filter"), passed: $0.bool("passed"), reason: $0.optionalString("reason")) }
        // The lineage view starts from every instruction; a chain from this one is a few index lookups.
        example.lineage = try database.query(
            """
            WITH RECURSIVE chain (id, distance) AS (
                SELECT ?, 0 UNION ALL
                SELECT i.parent_id, chain.distance + 1 FROM chain JOIN instructions i ON i.id = chain.id
                WHERE i.parent_id IS NOT NULL
            )
            SELECT i.id, i.origin, i.strategy, i.depth, i.instruction FROM chain JOIN instructions i ON i.id = chain.id
            ORDER BY chain.distance DESC
            """, [.integer(instructionID)]
        ).map {
            .init(id: $0.int64("id"), origin: $0.string("origin"), strategy: $0.optionalString("strategy"),
                  depth: $0.int("depth"), text: $0.string("instruction"))
        }
        return example
    }
}
