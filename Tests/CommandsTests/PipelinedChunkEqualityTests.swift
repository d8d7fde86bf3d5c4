import Curation
import Foundation
import Store
import Testing
import TestSupport

/// `filter` and `score` evaluate chunk k+1 on background threads while chunk k is written. On a mixed fixture
/// (the curation corpora: refusals, truncations, insults, PII decoys, in English and Chinese, plus answers
/// without problems and instructions without answers) walked in many small chunks, every latest verdict and
/// every score must equal what the rules and the scorer give when applied one subject at a time in this test.
@Suite struct PipelinedChunkEqualityTests {
    static let environment = ["DSBENCH_CHUNK_SIZE": "7"]

    /// About 560 records from the corpora (every second line) with alternating English and Chinese instructions.
    func fixture(_ dir: TemporaryDirectory) throws -> String {
        let corpora = ProjectPaths.root + "/Tests/CurationTests/Fixtures/curation/"
        let instructions = ["Answer the question below.", "请回答下面的问题。", "Write a short reply.", "写一段简短的回复。"]
        var records: [[String: String]] = []
        for name in ["refusal.dev.jsonl", "truncated.dev.jsonl", "toxicity.dev.jsonl", "pii-decoys.jsonl"] {
            let lines = try String(contentsOfFile: corpora + name, encoding: .utf8).split(separator: "\n")
            for (n, line) in lines.enumerated() where n % 2 == 0 {
                let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
                let text = (object["output"] ?? object["text"]) as? String ?? ""
                let given = object["instruction"] as? String ?? ""
                let instruction = given.isEmpty ? instructions[records.count % 4] + " (\(records.count))" : given
                // Every ninth record is an instruction alone (its text judged as the instruction).
                records.append(records.count % 9 == 0
                    ? ["instruction": text.isEmpty ? instruction : text, "input": "", "output": ""]
                    : ["instruction": instruction, "input": object["input"] as? String ?? "", "output": text])
            }
        }
        let file = dir.file("mixed.json")
        try JSONSerialization.data(withJSONObject: records).write(to: URL(fileURLWithPath: file))
        let db = dir.file("mixed.db")
        let result = runCLI(["import", "--db", db, file])
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    struct Subject {
        var instructionID: Int64, completionID: Int64?
        var instruction: String, input: String, output: String?, finishReason: String?
    }

    func subjects(_ database: Database) throws -> [Subject] {
        try database.query("""
            SELECT i.id AS instruction_id, NULL AS completion_id, i.instruction, i.input, NULL AS output, NULL AS finish_reason
            FROM instructions i
            UNION ALL
            SELECT c.instruction_id, c.id, i.instruction, i.input, c.output, c.finish_reason
            FROM completions c JOIN instructions i ON i.id = c.instruction_id
            ORDER BY 1, 2
            """).map {
            Subject(instructionID: $0.int64("instruction_id"), completionID: $0.optionalInt64("completion_id"),
                    instruction: $0.string("instruction"), input: $0.string("input"),
                    output: $0.optionalString("output"), finishReason: $0.optionalString("finish_reason"))
        }
    }

    func text(_ value: SQLValue) -> String { "\(value)" }

    @Test func filterVerdictsEqualTheRulesAppliedOneByOne() throws {
        let dir = TemporaryDirectory()
        let db = try fixture(dir)
        let result = runCLI(["filter", "--db", db], environment: Self.environment)
        #expect(result.status == 0, "\(result.stderr)")

        let database = try Database(path: db)
        let rules = try FilterConfig().makeRules()
        var expected: [String] = []
        var failures = 0
        for s in try subjects(database) {
            let value: FilterSubject = s.completionID == nil
                ? .instruction(s.instruction, input: s.input)
                : .output(s.output ?? "", instruction: s.instruction, input: s.input, finishReason: s.finishReason)
            for rule in rules where rule.applies(to: value.scope) {
                let outcome = rule.evaluate(value)
                if !outcome.passed { failures += 1 }
                expected.append([
                    "\(s.instructionID)", s.completionID.map { "\($0)" } ?? "-", rule.name, outcome.passed ? "1" : "0",
                    outcome.reason ?? "-", outcome.passed ? "-" : (outcome.detailJSON ?? "-"),
                ].joined(separator: "|"))
            }
        }
        let stored = try database.query("""
            SELECT instruction_id, coalesce(completion_id, '-') AS c, filter, passed, coalesce(reason, '-') AS reason,
                coalesce(detail, '-') AS detail
            FROM latest_verdicts
            """).map { row in row.values.map { value -> String in
                if case .text(let t) = value { return t }
                if case .integer(let n) = value { return String(n) }
                return "\(value)"
            }.joined(separator: "|") }
        #expect(stored.count == expected.count)
        #expect(stored.sorted() == expected.sorted())
        // The fixture exercises failures of several rules, in both languages.
        #expect(failures > 100)
        #expect(try database.scalar("SELECT count(DISTINCT filter) FROM verdicts WHERE passed = 0").intValue ?? 0 >= 5)
        #expect(try database.scalar("SELECT json_extract(totals, '$.cursor') = (SELECT max(id) FROM instructions) FROM runs WHERE command = 'filter'").intValue == 1)
    }

    @Test func heuristicScoresEqualTheScorerAppliedOneByOne() throws {
        let dir = TemporaryDirectory()
        let db = try fixture(dir)
        let result = runCLI(["score", "--db", db], environment: Self.environment)
        #expect(result.status == 0, "\(result.stderr)")

        let database = try Database(path: db)
        let scorer = HeuristicScorer()
        // The examples view holds an instruction without completions once, with completion_id NULL.
        var expected: [String] = []
        for row in try database.query("SELECT instruction_id, completion_id, instruction, input, output FROM examples") {
            let score = scorer.score(instruction: row.string("instruction"), input: row.string("input"),
                                     output: row.optionalString("output"))
            var detail = score.detail
            for (name, value) in score.components { detail[name] = .double(value) }
            expected.append("\(row.int64("instruction_id"))|\(row.optionalInt64("completion_id").map { "\($0)" } ?? "-")|"
                            + "\(score.value)|\(score.rationale)|\(DetailValue.json(detail) ?? "-")")
        }
        let stored = try database.query(
            "SELECT instruction_id, completion_id, value, rationale, detail FROM scores WHERE scorer = 'heuristic'"
        ).map { row in
            "\(row.int64("instruction_id"))|\(row.optionalInt64("completion_id").map { "\($0)" } ?? "-")|"
                + "\(row.double("value"))|\(row.string("rationale"))|\(row.optionalString("detail") ?? "-")"
        }
        #expect(stored.count == expected.count)
        #expect(stored.count > 500)
        #expect(stored.sorted() == expected.sorted())
        #expect(Set(stored.map { $0.split(separator: "|")[2] }).count > 8)
    }
}
