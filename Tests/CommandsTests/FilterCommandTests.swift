import Foundation
import Store
import Testing
import TestSupport

/// A small dataset with known problems, in English and Chinese.
func curationFixture(_ dir: TemporaryDirectory) throws -> String {
    let db = dir.file("t.db")
    let records: [[String: String]] = [
        ["instruction": "Give three tips for staying healthy.", "input": "", "output": "1. Eat a balanced diet.\n2. Exercise regularly.\n3. Sleep well."],
        ["instruction": "Draw a picture of a cat.", "input": "", "output": "I'm sorry, but I cannot draw pictures."],
        ["instruction": "Email the team.", "input": "", "output": "Sure, write to alice@example.com or call 13812345678."],
        ["instruction": "List some fruits.", "input": "", "output": "Some common fruits that people enjoy every day are apples, bananas, oranges and"],
        ["instruction": "法国的首都是哪里？", "input": "", "output": "法国的首都是巴黎。"],
        ["instruction": "Give three tips for staying healthy!", "input": "", "output": "Eat well, move more and sleep enough."],
        ["instruction": "写一首关于大海的诗", "input": "", "output": "大海啊，你是那么辽阔。"],
    ]
    let data = try JSONSerialization.data(withJSONObject: records)
    let file = dir.file("data.json")
    try data.write(to: URL(fileURLWithPath: file))
    let result = runCLI(["import", "--db", db, file])
    #expect(result.status == 0, "\(result.stderr)")
    return db
}

func scalar(_ db: String, _ sql: String) throws -> String {
    let database = try Database(path: db)
    switch try database.first(sql)?.values.first ?? .null {
    case .null: return "null"
    case .integer(let v): return String(v)
    case .real(let v): return String(v)
    case .text(let v): return v
    case .blob(let v): return "blob(\(v.count))"
    }
}

@Suite struct FilterCommandTests {
    @Test func recordsOneVerdictPerRulePerSubject() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let result = runCLI(["filter", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        // 7 instructions × 5 instruction rules + 7 completions × 9 output rules (toxicity judges both), stored
        // compactly: one check per subject, a verdicts row per failure; the passes are implied.
        #expect(try scalar(db, "SELECT count(*) FROM verdict_history") == String(7 * 5 + 7 * 9))
        #expect(try scalar(db, "SELECT count(*) FROM verdict_checks") == "14")
        #expect(try scalar(db, "SELECT count(*) FROM verdicts WHERE passed = 1") == "0")
        let failures = try scalar(db, "SELECT count(*) FROM verdict_history WHERE passed = 0")
        #expect(try scalar(db, "SELECT count(*) FROM verdicts") == failures)
        #expect(try scalar(db, "SELECT count(*) FROM verdicts WHERE filter = 'refusal' AND passed = 0") == "1")
        #expect(try scalar(db, "SELECT count(*) FROM verdicts WHERE filter = 'pii' AND passed = 0") == "1")
        #expect(try scalar(db, "SELECT count(*) FROM verdicts WHERE filter = 'truncated' AND passed = 0") == "1")
        #expect(try scalar(db, "SELECT count(*) FROM examples WHERE verdict = 'fail'") == "3")
        #expect(try scalar(db, "SELECT json_extract(detail, '$.kind') FROM verdicts WHERE filter = 'refusal' AND passed = 0") == "refusal")
        #expect(try scalar(db, "SELECT status || ':' || rows_written FROM runs WHERE command = 'filter'") == "succeeded:\(14 + Int(failures)!)")
        // Re-running adds history; the view still sees one latest verdict per subject and rule.
        #expect(runCLI(["filter", "--db", db, "--rules", "refusal"]).status == 0)
        #expect(try scalar(db, "SELECT count(*) FROM verdict_history WHERE filter = 'refusal'") == "14")
        #expect(try scalar(db, "SELECT count(*) FROM latest_verdicts WHERE filter = 'refusal' AND passed = 0") == "1")
        #expect(try scalar(db, "SELECT count(*) FROM latest_verdicts WHERE filter = 'refusal'") == "7")
        // Export's default gate leaves the failed examples out.
        let out = dir.file("out.jsonl")
        #expect(runCLI(["export", "--db", db, "-o", out]).status == 0)
        let exported = try String(contentsOfFile: out, encoding: .utf8)
        #expect(!exported.contains("cannot draw"))
        #expect(exported.contains("staying healthy"))
    }

    @Test func dryRunWritesNothing() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let runsBefore = try scalar(db, "SELECT count(*) FROM runs")
        let result = runCLI(["filter", "--db", db, "--dry-run"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("dry run"))
        #expect(result.stdout.contains("refusal"))
        #expect(try scalar(db, "SELECT count(*) FROM verdicts") == "0")
        #expect(try scalar(db, "SELECT count(*) FROM runs") == runsBefore)
    }

    @Test func scrubWritesRedactedCopies() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let result = runCLI(["filter", "--db", db, "--rules", "pii", "--scrub"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try scalar(db, "SELECT output FROM completions WHERE origin = 'scrubbed'")
                == "Sure, write to <EMAIL> or call <PHONE>.")
        #expect(try scalar(db, "SELECT count(*) FROM completions c JOIN completions p ON p.id = c.parent_id WHERE c.origin = 'scrubbed' AND p.output LIKE '%alice@example.com%'") == "1")
        // The original fails pii, the copy passes; only the copy is exported.
        #expect(try scalar(db, "SELECT verdict FROM examples WHERE completion_origin = 'scrubbed'") == "pass")
        #expect(try scalar(db, "SELECT count(*) FROM examples WHERE output LIKE '%alice@%' AND verdict = 'fail'") == "1")
        // A second run finds the copy already there and writes no other.
        let again = runCLI(["filter", "--db", db, "--rules", "pii", "--scrub"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("scrubbed: 0 redacted rows"))
        #expect(try scalar(db, "SELECT count(*) FROM completions WHERE origin = 'scrubbed'") == "1")
        #expect(try scalar(db, "SELECT count(*) FROM examples WHERE output LIKE '%<EMAIL>%'") == "1")
    }

    @Test func scrubbedInstructionIsReusedOnRerun() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let records = [["instruction": "Write to bob@example.com about the trip.", "input": "", "output": "Dear Bob, the trip is on."]]
        let file = dir.file("data.json")
        try JSONSerialization.data(withJSONObject: records).write(to: URL(fileURLWithPath: file))
        #expect(runCLI(["import", "--db", db, file]).status == 0)
        for _ in 0..<2 { #expect(runCLI(["filter", "--db", db, "--rules", "pii", "--scrub"]).status == 0) }
        #expect(try scalar(db, "SELECT count(*) || ':' || min(instruction) FROM instructions WHERE origin = 'scrubbed'")
                == "1:Write to <EMAIL> about the trip.")
        // The clean answer is copied once, under the scrubbed instruction.
        #expect(try scalar(db, "SELECT count(*) FROM completions c JOIN instructions i ON i.id = c.instruction_id WHERE c.origin = 'scrubbed' AND i.origin = 'scrubbed'") == "1")
        #expect(try scalar(db, "SELECT count(*) FROM completions") == "2")
    }

    @Test func scrubRedactsOnlyTheConfiguredKinds() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let config = try dir.write("rules.json", #"{"pii": {"kinds": ["email"]}}"#)
        let result = runCLI(["filter", "--db", db, "--rules", "pii", "--config", config, "--scrub"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try scalar(db, "SELECT output FROM completions WHERE origin = 'scrubbed'")
                == "Sure, write to <EMAIL> or call 13812345678.")
    }

    @Test func whereAndUsageErrors() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        #expect(runCLI(["filter", "--db", db, "--rules", "nope"]).status == 64)
        #expect(runCLI(["filter", "--db", db, "--dry-run", "--scrub"]).status == 64)
        #expect(runCLI(["filter", "--db", db, "--rules", "keywords"]).status == 64)
        #expect(runCLI(["filter", "--db", db, "--where", "no_such_column = 1"]).status == 64)
        let result = runCLI(["filter", "--db", db, "--rules", "language-mismatch", "--where", "language = 'zh'"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM verdict_history") == "2")
        let config = try dir.write("rules.json", #"{"rules": ["keywords"], "keywords": {"words": ["bananas"]}}"#)
        #expect(runCLI(["filter", "--db", db, "--config", config]).status == 0)
        #expect(try scalar(db, "SELECT count(*) FROM verdicts WHERE filter = 'keywords' AND passed = 0") == "1")
        let bad = try dir.write("bad.json", "{not json")
        #expect(runCLI(["filter", "--db", db, "--config", bad]).status == 1)
    }
}
