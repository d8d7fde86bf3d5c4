import Commands
import Foundation
import Store
import Testing
import TestSupport

@Suite struct ImportCommandTests {
    private func count(_ db: String, _ sql: String) throws -> Int64 {
        try Database(path: db).scalar(sql).intValue ?? -1
    }

    @Test func jsonSummaryHasOneEntryPerFile() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let file = try dir.write("a.json", #"[{"instruction": "写一首诗", "input": "", "output": "好"}, {"instruction": "Say hi", "input": "", "output": "hi"}]"#)
        #expect(runCLI(["import", "--db", db, file]).status == 0)
        let text = try dir.write("b.txt", "Name a river.\nName a lake.\n")
        let result = runCLI(["import", "--db", db, file, text, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        struct Summary: Decodable {
            struct File: Decodable { var file: String; var format: String; var rows: Int; var skipped: Bool; var source_id: Int? }
            var run_id: Int
            var files: [File]
        }
        let summary = try JSONDecoder().decode(Summary.self, from: Data(result.stdout.utf8))
        #expect(summary.files.map(\.format) == ["alpaca", "text"])
        #expect(summary.files[0].skipped && summary.files[0].source_id == 1 && summary.files[0].rows == 0)
        #expect(!summary.files[1].skipped && summary.files[1].rows == 2 && summary.files[1].file.hasSuffix("b.txt"))
    }

    @Test func importsAlpacaAndPrintsTheDetectedFormat() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let file = try dir.write("a.json", #"[{"instruction": "写一首诗", "input": "", "output": "好", "score": 3}, {"instruction": "Say hi", "input": "", "output": "hi"}]"#)
        let result = runCLI(["import", "--db", db, file])
        #expect(result.status == 0)
        #expect(result.stdout.contains("format alpaca (detected)"))
        #expect(try count(db, "SELECT count(*) FROM instructions WHERE origin = 'imported'") == 2)
        #expect(try count(db, "SELECT count(*) FROM completions WHERE origin = 'imported'") == 2)
        #expect(try count(db, "SELECT count(*) FROM instructions WHERE language = 'zh' AND source LIKE '%a.json:1' AND extra = '{\"score\": 3}'") == 1)
        #expect(try count(db, "SELECT count(*) FROM runs WHERE command = 'import' AND status = 'succeeded' AND rows_written = 4") == 1)
    }

    @Test func reimportingTheSameFileIsSkipped() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let file = try dir.write("a.jsonl", "{\"instruction\": \"a\", \"output\": \"b\"}\n")
        #expect(runCLI(["import", "--db", db, file]).status == 0)
        let again = runCLI(["import", "--db", db, file])
        #expect(again.status == 0)
        #expect(again.stdout.contains("skipped"))
        #expect(try count(db, "SELECT count(*) FROM instructions") == 1)
        // The same bytes as seeds are a different import.
        #expect(runCLI(["import", "--db", db, "--as", "seeds", file]).status == 0)
        #expect(try count(db, "SELECT count(*) FROM instructions WHERE origin = 'seed'") == 1)
    }

    @Test(arguments: [
        ("bad.json", Array("[{\"instruction\": \"a\"},\n{\"instruction\": oops}]".utf8), "bad.json:2: invalid JSON"),
        ("bad.jsonl", Array("{\"instruction\": \"a\"}\n{\"instruction\": \"b".utf8) + [0xFF] + Array("\"}\n".utf8), "bad.jsonl:2: invalid UTF-8"),
        ("bad2.jsonl", Array("{\"instruction\": \"a\"}\n{\"input\": \"x\", \"output\": \"y\"}\n".utf8), "bad2.jsonl:2: instruction: missing instruction"),
        ("bad3.jsonl", Array("{\"instruction\": \"a\"}\n\n{\"instruction\": 42}\n".utf8), "bad3.jsonl:3: instruction: expected a string, found a number"),
    ])
    func badInputFailsWithLineAndLeavesNoRows(name: String, bytes: [UInt8], message: String) throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let file = dir.file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: file))
        let result = runCLI(["import", "--db", db, "--format", "alpaca", file], directory: dir.path)
        #expect(result.status == 1)
        #expect(result.stderr.contains(message), "stderr: \(result.stderr)")
        #expect(try count(db, "SELECT count(*) FROM instructions") == 0)
        #expect(try count(db, "SELECT count(*) FROM sources") == 0)
        #expect(try count(db, "SELECT count(*) FROM runs WHERE status = 'failed'") == 1)
    }

    @Test func aMissingFileIsNamedWithoutALineNumber() throws {
        let dir = TemporaryDirectory()
        let result = runCLI(["import", "--db", dir.file("t.db"), "nosuch.json"], directory: dir.path)
        #expect(result.status == 1)
        #expect(result.stderr == "Error: nosuch.json: cannot open file: No such file or directory\n")
    }

    @Test func skipInvalidStoresRejects() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let file = try dir.write("m.jsonl", "{\"instruction\": \"a\", \"output\": \"b\"}\n{\"instruction\": 42}\nnot json\n{\"instruction\": \"c\"}\n")
        let result = runCLI(["import", "--db", db, "--skip-invalid", file])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 rejected"))
        #expect(try count(db, "SELECT count(*) FROM instructions") == 2)
        #expect(try count(db, "SELECT count(*) FROM rejects WHERE line = 2 AND field = 'instruction' AND raw = '{\"instruction\": 42}'") == 1)
        #expect(try count(db, "SELECT count(*) FROM rejects WHERE line = 3 AND field IS NULL") == 1)
        #expect(try count(db, "SELECT rejected FROM sources") == 2)
    }

    @Test func mapRenamesFieldsAndTextReadsStdinLikeFiles() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let csv = try dir.write("qa.csv", "question,answer\n\"What is 2+2?\",4\n")
        #expect(runCLI(["import", "--db", db, "--map", "question=instruction,answer=output", csv]).status == 0)
        #expect(try count(db, "SELECT count(*) FROM examples WHERE instruction = 'What is 2+2?' AND output = '4'") == 1)
        let text = try dir.write("p.txt", "Write a haiku.\n\n写一首俳句。\n")
        let result = runCLI(["import", "--db", db, text])
        #expect(result.stdout.contains("format text"))
        #expect(try count(db, "SELECT count(*) FROM instructions WHERE source LIKE '%p.txt:3' AND language = 'zh'") == 1)
        #expect(runCLI(["import", "--db", db, "--map", "broken", text]).status == 64)
    }

    @Test func selfInstructSeedsKeepEveryInstance() throws {
        guard let seeds = ProjectPaths.sharedDataFile("self_instruct_seed_tasks.jsonl") else {
            Issue.record("shared/data/self_instruct_seed_tasks.jsonl is absent next to the clone; skipping")
            return
        }
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let result = runCLI(["import", "--db", db, seeds])
        #expect(result.status == 0)
        #expect(result.stdout.contains("self-instruct"))
        #expect(try count(db, "SELECT count(*) FROM seeds") == 175)
        #expect(try count(db, "SELECT sum(instances) FROM seeds") == 175)
        #expect(try count(db, "SELECT count(*) FROM instructions WHERE origin = 'seed' AND is_classification IS NOT NULL") == 175)
        #expect(try count(db, "SELECT count(*) FROM instructions WHERE is_classification = 1") > 0)
        #expect(try count(db, "SELECT count(*) FROM completions WHERE origin = 'seed'") == 175)
        // A task with several instances keeps them all, linked to the task row.
        let dir2 = TemporaryDirectory()
        let db2 = dir2.file("t.db")
        let task = try dir2.write("t.jsonl", #"{"id": "t1", "instruction": "Classify.", "instances": [{"input": "a", "output": "x"}, {"input": "b", "output": "y"}, {"input": "c", "output": "z"}], "is_classification": true}"# + "\n")
        #expect(runCLI(["import", "--db", db2, task]).status == 0)
        #expect(try count(db2, "SELECT instances FROM seeds") == 3)
        #expect(try count(db2, "SELECT count(*) FROM instructions WHERE task_id = (SELECT id FROM seeds)") == 2)
    }

    @Test func anInterruptRollsBackTheFileAndClosesTheRun() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let file = try dir.write("a.jsonl", "{\"instruction\": \"a\", \"output\": \"b\"}\n")
        let interrupt = InterruptSignal()
        interrupt.request()
        let status = CommandLineTool.run(
            arguments: ["import", "--db", db, file], environment: [:], stdout: BufferSink(), stderr: BufferSink(),
            interrupt: interrupt, workingDirectory: dir.path)
        #expect(status == 130)
        #expect(try count(db, "SELECT count(*) FROM instructions") == 0)
        #expect(try count(db, "SELECT count(*) FROM runs WHERE status = 'interrupted'") == 1)
    }

    @Test func twoProcessesImportIntoOneDatabase() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        var files: [String] = []
        for index in 0..<2 {
            var lines = ""
            for row in 0..<3000 { lines += "{\"instruction\": \"file \(index) row \(row)\", \"output\": \"ok\"}\n" }
            files.append(try dir.write("f\(index).jsonl", lines))
        }
        #expect(runCLI(["init", "--db", db]).status == 0)
        let results = try files.concurrentMap { file in try ProcessResult.run(["import", "--db", db, file]) }
        #expect(results.allSatisfy { $0.status == 0 }, "\(results.map(\.stderr))")
        #expect(try count(db, "SELECT count(*) FROM instructions") == 6000)
        #expect(try count(db, "SELECT count(*) FROM runs WHERE status = 'succeeded'") == 2)
    }
}

extension Array where Element: Sendable {
    /// Runs `body` for every element on its own thread and returns the results in order.
    func concurrentMap<T: Sendable>(_ body: @escaping @Sendable (Element) throws -> T) throws -> [T] {
        let results = ResultBox<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            results.set(index, Result { try body(self[index]) })
        }
        return try results.values.map { try $0!.get() }
    }
}

import Synchronization

private final class ResultBox<T: Sendable>: Sendable {
    private let storage: Mutex<[Result<T, any Error>?]>
    init(count: Int) { storage = Mutex(Array(repeating: nil, count: count)) }
    func set(_ index: Int, _ value: Result<T, any Error>) { storage.withLock { $0[index] = value } }
    var values: [Result<T, any Error>?] { storage.withLock { $0 } }
}

/// Found in a new-user trial: a `.jsonl` file whose first line is not JSON (or is a JSON scalar) was imported as
/// `text`, so every JSON record after it became an instruction holding the record's source text, exit 0.
@Suite struct JSONFileContainerTests {
    @Test(arguments: [
        ("stray.jsonl", "hello world\n{\"instruction\": \"a\", \"output\": \"b\"}\n"),
        ("scalars.jsonl", "5\n\"str\"\n"),
        ("stray.json", "oops\n[{\"instruction\": \"a\", \"output\": \"b\"}]\n"),
    ])
    func aJSONFileIsNeverReadAsText(name: String, content: String) throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let file = try dir.write(name, content)
        let result = runCLI(["import", "--db", db, file])
        #expect(result.status == 1, "\(result.stdout)")
        #expect(result.stderr.contains("\(name):1: "), "\(result.stderr)")
        #expect(try Database(path: db).scalar("SELECT count(*) FROM instructions").intValue == 0)
        // Asked for explicitly, text still reads any file line by line.
        let asText = runCLI(["import", "--db", db, file, "--format", "text"])
        #expect(asText.status == 0, "\(asText.stderr)")
        #expect(asText.stdout.contains("format text"), "\(asText.stdout)")
    }
}

/// Found in a new-user trial: Ctrl-C during `import` rolled the file back (0 rows) but said "work done so far is
/// saved".
@Suite struct InterruptMessageTests {
    @Test func anInterruptedImportSaysItsFileWasRolledBack() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let file = try dir.write("a.jsonl", "{\"instruction\": \"a\", \"output\": \"b\"}\n")
        let interrupt = InterruptSignal()
        interrupt.request()
        let result = LLMCommandFixtures.run(["import", "--db", db, file], interrupt: interrupt)
        #expect(result.status == 130)
        #expect(!result.stderr.contains("work done so far is saved"), "\(result.stderr)")
        #expect(result.stderr.contains("the transaction under way was rolled back"), "\(result.stderr)")
        #expect(try Database(path: db).scalar("SELECT count(*) FROM instructions").intValue == 0)
    }
}
