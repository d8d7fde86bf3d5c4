import Report
import Store
import Synthesis

/// The reproducible sample: every selected `examples` key, shuffled by a SplitMix64 generator seeded with
/// `--seed`, cut to `--sample N`, shown in id order with its verdicts, best score and lineage.
extension ReportCollector {
    func sample() throws -> [SampleExample] {
        guard sampleSize > 0 else { return [] }
        var keys: [(Int64, Int64?)] = []
        try database.forEachRow(
            "SELECT instruction_id, completion_id FROM examples WHERE \(whereClause.map { "(\($0))" } ?? "1") "
                + "ORDER BY instruction_id, completion_id"
        ) { keys.append(($0.int64("instruction_id"), $0.optionalInt64("completion_id"))) }
        var generator = SplitMix64(seed: seed)
        generator.shuffle(&keys)
        let chosen = keys.prefix(sampleSize).sorted { ($0.0, $0.1 ?? 0) < ($1.0, $1.1 ?? 0) }
        return try chosen.compactMap { try example(instructionID: $0.0, completionID: $0.1) }
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
