import Curation
import Store

/// The records `dedup` compares, read from the database: every instruction with its comparison text (on the
/// instruction field, instance rows of a self-instruct task — task_id set — are left out: they repeat their
/// task's instruction on purpose, with other inputs, and the task row stands for them), restricted by `--where`
/// to the instructions with a matching row in the `examples` view. Quality — the best score as
/// `examples.best_score` (complexity measures difficulty, not quality) and whether the row failed a filter — is
/// read only where survivors are chosen.
struct DedupSource {
    let database: Database
    let settings: DedupSettings

    /// The comparison text of instruction `i`.
    private var text: String {
        settings.field == "all"
            ? "i.instruction || char(10) || i.input || char(10) || coalesce((SELECT group_concat(c.output, char(10)) FROM completions c WHERE c.instruction_id = i.id), '')"
            : "i.instruction"
    }

    /// Which instructions are compared.
    private var compared: String {
        (settings.field == "all" ? "1" : "i.task_id IS NULL")
            + (settings.condition.map { " AND i.id IN (SELECT instruction_id FROM examples WHERE \($0.sql))" } ?? "")
    }

    private static let quality = """
        (SELECT max(s.value) FROM scores s WHERE s.instruction_id = i.id AND s.scorer <> 'complexity') AS score,
        EXISTS (SELECT 1 FROM latest_recorded_verdicts v WHERE v.instruction_id = i.id AND v.passed = 0) AS failed
        """

    /// Id and comparison text of the compared instructions with ids in `range`, in id order (no quality).
    func texts(in range: ClosedRange<Int64>) throws -> [DedupRecord] {
        var records: [DedupRecord] = []
        try database.forEachRow(
            "SELECT i.id, \(text) AS text FROM instructions i WHERE i.id BETWEEN ? AND ? AND \(compared) ORDER BY i.id",
            [.integer(range.lowerBound), .integer(range.upperBound)]
        ) { row in
            records.append(DedupRecord(id: row.int("id"), text: row.string("text")))
        }
        return records
    }

    /// What to read of the instructions `records(ids:_:)` reads.
    enum Columns {
        /// Text and quality.
        case all
        case text
        case quality
    }

    /// The instructions `ids` (ascending), in id order: their comparison text, their quality, or both.
    func records(ids: ArraySlice<Int>, _ columns: Columns = .all) throws -> [DedupRecord] {
        var records: [DedupRecord] = []
        records.reserveCapacity(ids.count)
        let list = "[" + ids.map(String.init).joined(separator: ",") + "]"
        let selected = switch columns {
        case .all: "\(text) AS text, \(Self.quality)"
        case .text: "\(text) AS text"
        case .quality: Self.quality
        }
        try database.forEachRow(
            "SELECT i.id, \(selected) FROM json_each(?) AS j CROSS JOIN instructions AS i ON i.id = j.value ORDER BY i.id",
            [.text(list)]
        ) { row in
            records.append(DedupRecord(id: row.int("id"), text: row.string("text"), score: row.optionalDouble("score"),
                                       rank: row.int("failed")))
        }
        return records
    }

    /// Every compared instruction with its text and quality, in id order, `batch` at a time (rouge, which
    /// compares texts with each other and so holds them all).
    func forEachBatch(interrupt: InterruptSignal, batch: Int = 16_384, _ body: ([DedupRecord]) throws -> Void) throws {
        let sql = """
            SELECT i.id, \(text) AS text, \(Self.quality)
            FROM instructions i WHERE i.id > ? AND \(compared) ORDER BY i.id LIMIT ?
            """
        var cursor: Int64 = 0
        while true {
            try interrupt.check()
            var records: [DedupRecord] = []
            try database.forEachRow(sql, [.integer(cursor), .integer(Int64(batch))]) { row in
                records.append(DedupRecord(id: row.int("id"), text: row.string("text"), score: row.optionalDouble("score"),
                                           rank: row.int("failed")))
            }
            guard let last = records.last else { return }
            cursor = Int64(last.id)
            try body(records)
        }
    }

    /// What the stored hashes of a run depend on besides the instruction texts (which never change): with
    /// `--field all` the completions (their count and largest id: answers added or removed), with `--where` every
    /// run of another command or with other options before `runID` (any of them may have changed which rows
    /// match). A rerun whose stamp differs from the stored chunks' starts over.
    func inputStamp(runID: Int64) throws -> String {
        var parts: [String] = []
        if settings.field == "all" {
            let row = try database.first("SELECT count(*) AS n, coalesce(max(id), 0) AS last FROM completions")
            parts.append("completions \(row?.int64("n") ?? 0) \(row?.int64("last") ?? 0)")
        }
        if settings.condition != nil {
            let last = try database.scalar(
                """
                SELECT coalesce(max(r.id), 0) FROM runs r, runs this
                WHERE this.id = ?1 AND r.id < ?1 AND NOT (r.command = this.command AND r.options = this.options)
                """, [.integer(runID)]).intValue ?? 0
            parts.append("runs \(last)")
        }
        return parts.joined(separator: "; ")
    }
}
