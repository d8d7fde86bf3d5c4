import Commands
import Foundation
import Store
import Testing
import TestSupport

/// exact and minhash dedup store each chunk of instructions (8 here) as one `dedup_chunks` row with the run's
/// cursor: Ctrl-C after k chunks keeps them, the same command run again continues after the cursor and ends with
/// the same duplicates as an uninterrupted run, writing each once; the chunk rows go with the final transaction.
@Suite struct DedupResumeTests {
    static let environment = ["DSBENCH_CHUNK_SIZE": "8"]

    /// 48 records over 12 topics, English and Chinese: exact copies (case and punctuation changed), near copies
    /// (one word changed) and distinct rows, spread over all chunks; `offset` gives another set of texts.
    static func records(_ count: Int = 48, offset: Int = 0) -> [[String: String]] {
        (0..<count).map { k in
            let n = k + offset, topic = n % 12
            var instruction = topic % 2 == 0
                ? "Explain the main idea of topic number \(topic) in simple words for a curious student today"
                : "请用简单的语言向一位好奇的学生解释第\(topic)个主题的主要思想和它的历史背景"
            switch (n / 12) % 4 {
            case 1: instruction = instruction.uppercased() + "!"
            case 2: instruction = topic % 2 == 0 ? instruction.replacingOccurrences(of: "today", with: "now")
                                                 : instruction.replacingOccurrences(of: "历史", with: "文化")
            case 3: instruction = "A different request \(n): list \(n % 5 + 2) facts about the planet number \(n)"
            default: break
            }
            return ["instruction": instruction, "input": "", "output": "Answer \(n % 6) about topic \(topic)."]
        }
    }

    func database(_ dir: TemporaryDirectory, _ name: String, _ records: [[String: String]] = records()) throws -> String {
        let db = dir.file("\(name).db")
        try add(records, to: db, dir)
        return db
    }

    func add(_ records: [[String: String]], to db: String, _ dir: TemporaryDirectory) throws {
        let file = dir.file("\(UUID().uuidString).json")
        try JSONSerialization.data(withJSONObject: records).write(to: URL(fileURLWithPath: file))
        let result = runCLI(["import", "--db", db, file])
        #expect(result.status == 0, "\(result.stderr)")
    }

    func run(_ arguments: [String], interruptAtCheck check: Int? = nil) -> Int32 {
        let interrupt = check.map { InterruptSignal(trippingAtCheck: $0) } ?? InterruptSignal()
        return CommandLineTool.run(arguments: arguments, environment: Self.environment, stdout: BufferSink(),
                                   stderr: BufferSink(), interrupt: interrupt)
    }

    func rows(_ db: String, _ sql: String) throws -> [String] {
        try Database(path: db).query(sql).map { row in row.values.map { "\($0)" }.joined(separator: "|") }
    }

    static let duplicates = """
        SELECT instruction_id, duplicate_of, similarity, method, field FROM active_duplicates ORDER BY instruction_id
        """

    static let variants: [[String]] = [[], ["--method", "exact"], ["--field", "all"]]

    @Test(arguments: variants)
    func resumesAfterTheInterruptedChunks(_ options: [String]) throws {
        let dir = TemporaryDirectory()
        let whole = try database(dir, "whole"), parts = try database(dir, "parts")
        #expect(run(["dedup", "--db", whole] + options) == 0)
        let expected = try rows(whole, Self.duplicates)
        #expect(expected.count >= 8, "the fixture has duplicates: \(expected)")

        // The walk checks before each chunk: tripping at the third check leaves two chunks (ids 1-16) committed.
        #expect(run(["dedup", "--db", parts] + options, interruptAtCheck: 3) == 130)
        #expect(try rows(parts, "SELECT status, json_extract(totals, '$.cursor') FROM runs WHERE command = 'dedup'")
                == ["text(\"interrupted\")|integer(16)"])
        #expect(try rows(parts, "SELECT first_id, last_id, records FROM dedup_chunks ORDER BY first_id")
                == ["integer(1)|integer(8)|integer(8)", "integer(9)|integer(16)|integer(8)"])
        #expect(try rows(parts, "SELECT count(*) FROM duplicates") == ["integer(0)"])

        #expect(run(["dedup", "--db", parts] + options) == 0)
        #expect(try rows(parts, """
            SELECT status, json_extract(totals, '$.resumed_from'), json_extract(totals, '$.cursor'),
                json_extract(totals, '$.records') FROM runs WHERE command = 'dedup' ORDER BY id
            """).last == "text(\"succeeded\")|integer(1)|integer(48)|integer(48)".replacingOccurrences(
                of: "integer(1)|", with: "integer(\(try firstDedupRun(parts)))|"))
        #expect(try rows(parts, Self.duplicates) == expected)
        // Written once, by the run that finished, and no chunk rows left behind.
        #expect(try rows(parts, "SELECT count(*), count(DISTINCT instruction_id), count(DISTINCT run_id) FROM duplicates")
                == ["integer(\(expected.count))|integer(\(expected.count))|integer(1)"])
        #expect(try rows(parts, "SELECT count(*) FROM dedup_chunks") == ["integer(0)"])
        let pairs = "SELECT json_extract(totals, '$.candidate_pairs') FROM runs WHERE command = 'dedup' AND status = 'succeeded'"
        #expect(try rows(parts, pairs) == rows(whole, pairs))
    }

    func firstDedupRun(_ db: String) throws -> Int64 {
        try Database(path: db).scalar("SELECT min(id) FROM runs WHERE command = 'dedup'").intValue ?? -1
    }

    /// Interrupted after its last chunk (while verifying): the rerun reads no chunk again and only compares.
    @Test func anInterruptWhileVerifyingKeepsEveryChunk() throws {
        let dir = TemporaryDirectory()
        let whole = try database(dir, "whole"), parts = try database(dir, "parts")
        #expect(run(["dedup", "--db", whole]) == 0)
        // Six chunk checks, then the check after the walk trips.
        #expect(run(["dedup", "--db", parts], interruptAtCheck: 7) == 130)
        #expect(try rows(parts, "SELECT count(*), sum(records) FROM dedup_chunks") == ["integer(6)|integer(48)"])
        #expect(run(["dedup", "--db", parts]) == 0)
        #expect(try rows(parts, Self.duplicates) == rows(whole, Self.duplicates))
        #expect(try rows(parts, "SELECT count(*) FROM dedup_chunks") == ["integer(0)"])
    }

    /// Rows imported after the interrupt get ids past the cursor: the rerun continues and walks them too. A score
    /// added meanwhile counts, because quality is read when survivors are chosen. Either way the result equals
    /// an uninterrupted run on the final data.
    @Test(arguments: [[], ["--method", "exact"]])
    func rowsAndScoresAddedAfterTheInterruptCount(_ options: [String]) throws {
        let dir = TemporaryDirectory()
        let whole = try database(dir, "whole"), parts = try database(dir, "parts")
        #expect(run(["dedup", "--db", parts] + options, interruptAtCheck: 4) == 130)
        let more = Self.records(24, offset: 5)
        for db in [whole, parts] {
            try add(more, to: db, dir)
            // Instruction 13 (a copy of 1, in a finished chunk) becomes the best-scored member of its cluster.
            _ = try Database(path: db).execute("INSERT INTO scores (instruction_id, scorer, value, run_id) VALUES (13, 'manual', 9, 1)")
        }
        #expect(run(["dedup", "--db", whole] + options) == 0)
        #expect(run(["dedup", "--db", parts] + options) == 0)
        #expect(try rows(parts, "SELECT json_extract(totals, '$.resumed_from') IS NOT NULL, json_extract(totals, '$.records') FROM runs WHERE command = 'dedup' ORDER BY id").last
                == "integer(1)|integer(72)")
        let expected = try rows(whole, Self.duplicates)
        #expect(try rows(parts, Self.duplicates) == expected)
        #expect(expected.contains { $0.hasPrefix("integer(1)|integer(13)|") })
        #expect(expected.contains { (try? Int(#/integer\((\d+)\)/#.firstMatch(in: $0)?.1 ?? "")) ?? 0 > 48 })
    }

    /// With `--field all` the compared text includes the answers: an answer added after the interrupt changes
    /// texts of finished chunks, so the rerun starts over (and says so) instead of using stale hashes.
    @Test func anAnswerAddedAfterTheInterruptRestartsFieldAll() throws {
        let dir = TemporaryDirectory()
        let whole = try database(dir, "whole"), parts = try database(dir, "parts")
        #expect(run(["dedup", "--db", parts, "--field", "all"], interruptAtCheck: 4) == 130)
        let interrupted = try firstDedupRun(parts)
        for db in [whole, parts] {
            // Instruction 2 gets a second answer that makes it differ from its copies.
            _ = try Database(path: db).execute("""
                INSERT INTO completions (instruction_id, output, origin, run_id)
                VALUES (2, 'A long extra answer with many words that are not shared by any other record at all here', 'imported', 1)
                """)
        }
        #expect(run(["dedup", "--db", whole, "--field", "all"]) == 0)
        #expect(run(["dedup", "--db", parts, "--field", "all"]) == 0)
        #expect(try rows(parts, "SELECT json_extract(totals, '$.resumed_from'), json_extract(totals, '$.input_changed_since') FROM runs WHERE command = 'dedup' ORDER BY id").last
                == "null|integer(\(interrupted))")
        #expect(try rows(parts, Self.duplicates) == rows(whole, Self.duplicates))
        #expect(try rows(parts, "SELECT count(*) FROM dedup_chunks") == ["integer(0)"])
    }

    /// Chunks of an interrupted run with other options stay for that command's rerun; a run with the same
    /// options adopts them, and a finished run leaves none of its own.
    @Test func chunksBelongToTheirOptions() throws {
        let dir = TemporaryDirectory()
        let db = try database(dir, "db")
        #expect(run(["dedup", "--db", db, "--threshold", "0.7"], interruptAtCheck: 3) == 130)
        #expect(run(["dedup", "--db", db]) == 0)
        #expect(try rows(db, "SELECT count(*) FROM dedup_chunks") == ["integer(2)"])
        #expect(run(["dedup", "--db", db, "--threshold", "0.7"]) == 0)
        #expect(try rows(db, "SELECT json_extract(totals, '$.resumed_from') FROM runs WHERE command = 'dedup' ORDER BY id").last
                == "integer(\(try firstDedupRun(db)))")
        #expect(try rows(db, "SELECT count(*) FROM dedup_chunks") == ["integer(0)"])
    }
}

extension DedupResumeTests {
    /// With `--where`, any other run since the interrupted one (here a filter run, which changes which rows
    /// match) may change the selection of finished chunks: the rerun starts over and says so.
    @Test func anotherRunAfterAnInterruptedWhereRunRestartsIt() throws {
        let dir = TemporaryDirectory()
        let whole = try database(dir, "whole"), parts = try database(dir, "parts")
        let selection = ["--where", "language = 'en'"]
        #expect(run(["dedup", "--db", parts] + selection, interruptAtCheck: 3) == 130)
        let interrupted = try firstDedupRun(parts)
        for db in [whole, parts] { #expect(run(["filter", "--db", db]) == 0) }
        #expect(run(["dedup", "--db", whole] + selection) == 0)
        #expect(run(["dedup", "--db", parts] + selection) == 0)
        #expect(try rows(parts, "SELECT json_extract(totals, '$.resumed_from'), json_extract(totals, '$.input_changed_since') FROM runs WHERE command = 'dedup' ORDER BY id").last
                == "null|integer(\(interrupted))")
        let expected = try rows(whole, Self.duplicates)
        #expect(try !expected.isEmpty && rows(parts, Self.duplicates) == expected)
        // Without another run in between, the same --where run continues.
        #expect(run(["dedup", "--db", parts] + selection + ["--keep", "first"], interruptAtCheck: 2) == 130)
        #expect(run(["dedup", "--db", parts] + selection + ["--keep", "first"]) == 0)
        #expect(try rows(parts, "SELECT json_extract(totals, '$.resumed_from') IS NOT NULL FROM runs WHERE command = 'dedup' ORDER BY id").last
                == "integer(1)")
    }
}
