import Commands
import Foundation
import Store
import Testing
import TestSupport

/// Filter and heuristic score commit a chunk of instructions at a time with their run's cursor: Ctrl-C after k
/// chunks keeps exactly those chunks, and the same command run again continues after the cursor, ending with
/// the same verdicts and scores as an uninterrupted run and no subject judged twice.
@Suite struct ChunkedResumeTests {
    /// 40 examples (every fourth a refusal, every fifth truncated, some Chinese) in chunks of 8 instructions.
    static let environment = ["DSBENCH_CHUNK_SIZE": "8"]

    func fixture(_ dir: TemporaryDirectory, name: String) throws -> String {
        var records: [[String: String]] = []
        for n in 0..<40 {
            let output: String
            if n % 4 == 0 {
                output = "I'm sorry, but I cannot help with request \(n)."
            } else if n % 5 == 0 {
                output = "The answer to question \(n) depends on several things, such as the"
            } else if n % 2 == 0 {
                output = "第\(n)个问题的答案是：保持健康需要均衡饮食和规律运动。"
            } else {
                output = "Answer \(n): eat a balanced diet, exercise regularly and sleep well."
            }
            records.append(["instruction": n % 2 == 0 ? "第\(n)个问题：如何保持健康？" : "Question \(n): how do I stay healthy?",
                            "input": "", "output": output])
        }
        let file = dir.file("\(name).json")
        try JSONSerialization.data(withJSONObject: records).write(to: URL(fileURLWithPath: file))
        let db = dir.file("\(name).db")
        let result = runCLI(["import", "--db", db, file])
        #expect(result.status == 0, "\(result.stderr)")
        return db
    }

    func run(_ arguments: [String], interruptAtCheck check: Int? = nil) -> Int32 {
        let out = BufferSink(), err = BufferSink()
        let interrupt = check.map { InterruptSignal(trippingAtCheck: $0) } ?? InterruptSignal()
        return CommandLineTool.run(
            arguments: arguments, environment: Self.environment, stdout: out, stderr: err, interrupt: interrupt)
    }

    func rows(_ db: String, _ sql: String) throws -> [String] {
        try Database(path: db).query(sql).map { row in row.values.map { "\($0)" }.joined(separator: "|") }
    }

    static let latestVerdicts = """
        SELECT instruction_id, completion_id, filter, passed, reason, detail FROM latest_verdicts
        ORDER BY instruction_id, completion_id, filter
        """

    @Test func filterResumesAfterTheInterruptedChunks() throws {
        let dir = TemporaryDirectory()
        let whole = try fixture(dir, name: "whole"), parts = try fixture(dir, name: "parts")
        #expect(run(["filter", "--db", whole]) == 0)

        // The walk checks before each chunk: tripping at the third check leaves two chunks committed.
        #expect(run(["filter", "--db", parts], interruptAtCheck: 3) == 130)
        let stopped = try rows(parts, "SELECT status, json_extract(totals, '$.cursor') FROM runs WHERE command = 'filter'")
        #expect(stopped == ["text(\"interrupted\")|integer(16)"])
        #expect(try rows(parts, "SELECT DISTINCT instruction_id FROM verdict_checks ORDER BY 1").count == 16)
        #expect(try rows(parts, "SELECT count(*) FROM verdict_checks") == ["integer(32)"])

        #expect(run(["filter", "--db", parts]) == 0)
        let runs = try rows(parts, """
            SELECT status, json_extract(totals, '$.resumed_from') = (SELECT min(id) FROM runs WHERE command = 'filter'),
                json_extract(totals, '$.cursor') FROM runs WHERE command = 'filter' ORDER BY id
            """)
        #expect(runs.last == "text(\"succeeded\")|integer(1)|integer(40)")
        #expect(try rows(parts, Self.latestVerdicts) == rows(whole, Self.latestVerdicts))
        #expect(try rows(parts, Self.latestVerdicts).contains { $0.contains("refusal") && $0.contains("|integer(0)|") })
        // Every subject was checked once across the two runs: no duplicate rows.
        #expect(try rows(parts, "SELECT count(*), count(DISTINCT instruction_id || '/' || coalesce(completion_id, '')) FROM verdict_checks")
                == ["integer(80)|integer(80)"])
        #expect(try rows(parts, "SELECT count(*) FROM verdicts") == rows(whole, "SELECT count(*) FROM verdicts"))
        #expect(try rows(parts, "SELECT verdict, count(*) FROM examples GROUP BY verdict")
                == rows(whole, "SELECT verdict, count(*) FROM examples GROUP BY verdict"))

        // After a succeeded run, the same command starts a new full pass.
        #expect(run(["filter", "--db", parts]) == 0)
        #expect(try rows(parts, "SELECT count(*) FROM verdict_checks") == ["integer(160)"])
    }

    @Test func heuristicScoreResumesAfterTheInterruptedChunks() throws {
        let dir = TemporaryDirectory()
        let whole = try fixture(dir, name: "whole"), parts = try fixture(dir, name: "parts")
        #expect(run(["score", "--db", whole]) == 0)
        #expect(run(["score", "--db", parts], interruptAtCheck: 4) == 130)
        #expect(try rows(parts, "SELECT count(*) FROM scores") == ["integer(24)"])
        #expect(try rows(parts, "SELECT status, json_extract(totals, '$.cursor') FROM runs") .last
                == "text(\"interrupted\")|integer(24)")
        #expect(run(["score", "--db", parts]) == 0)
        let scores = "SELECT instruction_id, completion_id, scorer, value, rationale, detail FROM scores ORDER BY instruction_id, completion_id"
        #expect(try rows(parts, scores) == rows(whole, scores))
        #expect(try rows(parts, scores).count == 40)
        // A different selection is a different command: it does not continue the interrupted one (whose one
        // chunk scored the 4 Chinese examples among instructions 1-8).
        #expect(run(["score", "--db", parts, "--where", "language = 'zh'"], interruptAtCheck: 2) == 130)
        #expect(run(["score", "--db", parts]) == 0)
        #expect(try rows(parts, "SELECT count(*) FROM scores") == ["integer(\(40 + 4 + 40))"])
    }

    /// A `--config` file whose contents changed between the interrupt and the rerun is different work: the
    /// rerun must start over rather than keep the first chunks' verdicts judged by the old rules (the run's
    /// options record the file's SHA-256 as well as its path). Unchanged contents still resume.
    @Test func filterWithAChangedConfigFileStartsOver() throws {
        let dir = TemporaryDirectory()
        let whole = try fixture(dir, name: "whole"), parts = try fixture(dir, name: "parts")
        let config = dir.file("rules.json")
        func writeConfig(_ outputMin: Int) throws {
            try Data(#"{"rules": ["length"], "length": {"outputMin": \#(outputMin)}}"#.utf8)
                .write(to: URL(fileURLWithPath: config))
        }
        try writeConfig(1)
        #expect(run(["filter", "--db", parts, "--config", config], interruptAtCheck: 3) == 130)
        try writeConfig(12)
        #expect(run(["filter", "--db", parts, "--config", config]) == 0)
        #expect(run(["filter", "--db", whole, "--config", config]) == 0)
        #expect(try rows(parts, "SELECT json_extract(totals, '$.resumed_from') IS NULL FROM runs ORDER BY id").last
                == "integer(1)")
        #expect(try rows(parts, Self.latestVerdicts) == rows(whole, Self.latestVerdicts))
        #expect(try rows(whole, "SELECT count(*) FROM latest_verdicts WHERE passed = 0").first != "integer(0)")

        // The same contents again: an interrupted run is continued.
        #expect(run(["filter", "--db", parts, "--config", config], interruptAtCheck: 3) == 130)
        #expect(run(["filter", "--db", parts, "--config", config]) == 0)
        #expect(try rows(parts, "SELECT json_extract(totals, '$.resumed_from') IS NOT NULL FROM runs ORDER BY id").last
                == "integer(1)")
        #expect(try rows(parts, Self.latestVerdicts) == rows(whole, Self.latestVerdicts))
    }

    /// Answers added by a later run (e.g. `complete`) to instructions an interrupted filter or score had already
    /// walked would never be judged if the rerun continued after the cursor: it starts over instead
    /// (`input_changed_since`), ending as an uninterrupted run after the same additions.
    @Test func answersAddedBehindTheCursorMakeTheRerunStartOver() throws {
        let dir = TemporaryDirectory()
        func addAnswers(_ db: String) throws {
            let database = try Database(path: db)
            try database.execute("INSERT INTO runs (command) VALUES ('complete')")
            try database.execute("""
                INSERT INTO completions (instruction_id, output, origin, model, sample_index, run_id)
                SELECT id, 'I am sorry, but I cannot help with that.', 'model', 'm', 1, (SELECT max(id) FROM runs)
                FROM instructions WHERE id <= 10
                """)
        }
        // A restarted score run rescores the first chunks (the interrupted run's rows stay as history), so the
        // scores compare as the examples view reads them.
        let scores = "SELECT instruction_id, completion_id, best_score FROM examples ORDER BY instruction_id, completion_id"
        for (command, query) in [("filter", Self.latestVerdicts), ("score", scores)] {
            let whole = try fixture(dir, name: "\(command)-whole"), parts = try fixture(dir, name: "\(command)-parts")
            #expect(run([command, "--db", parts], interruptAtCheck: 3) == 130)
            try addAnswers(parts)
            try addAnswers(whole)
            #expect(run([command, "--db", parts]) == 0)
            #expect(run([command, "--db", whole]) == 0)
            #expect(try rows(parts, query) == rows(whole, query), "\(command)")
            #expect(try rows(parts, "SELECT json_extract(totals, '$.input_changed_since') IS NOT NULL FROM runs ORDER BY id")
                    .last == "integer(1)", "\(command)")
        }
    }
}
