import Store
import Synthesis

/// A random draw of `examples` rows that the same seed repeats: every key (instruction_id, completion_id) that
/// matches the conditions, in key order, shuffled by SplitMix64 seeded with `seed`, cut to `size`. The report's
/// sample and the review queue both draw this way.
struct ExampleDraw {
    /// One row of the `examples` view; `completionID` is nil for an instruction without an answer.
    struct Key: Equatable {
        let instructionID: Int64
        let completionID: Int64?
    }

    /// SQL conditions on the `examples` view (a user's `WhereCondition.sql`, validated by the caller, and fixed ones).
    var conditions: [String] = []
    var size: Int?
    var seed: UInt64 = 0

    var sql: String {
        "SELECT instruction_id, completion_id FROM examples"
            + (conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND "))
            + " ORDER BY instruction_id, completion_id"
    }

    /// The drawn keys, in draw order.
    func keys(in database: Database) throws -> [Key] {
        var keys: [Key] = []
        try database.forEachRow(sql) { keys.append(Key(instructionID: $0.int64("instruction_id"), completionID: $0.optionalInt64("completion_id"))) }
        var generator = SplitMix64(seed: seed)
        generator.shuffle(&keys)
        if let size, keys.count > size { keys.removeLast(keys.count - size) }
        return keys
    }
}
