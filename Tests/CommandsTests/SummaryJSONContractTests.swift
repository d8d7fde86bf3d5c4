import Foundation
import Store
import Testing
import TestSupport

/// `--json` of the non-model commands: one compact line each, with the command and, where the command records
/// a run, that run's id (issue 8: one contract for `--json`).
@Suite struct SummaryJSONContractTests {
    /// The newest run's id for a command, as the database has it.
    private func latestRun(_ db: String, _ command: String) throws -> Int64? {
        Int64(try scalar(db, "SELECT max(id) FROM runs WHERE command = '\(command)'"))
    }

    /// Before: filter printed an indented multi-line object without `run_id`.
    @Test func filterPrintsOneLineWithItsRun() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let result = runCLI(["filter", "--db", db, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try SummaryJSONLine.decode(result.stdout)
        #expect(line.command == "filter")
        let filterRun = try latestRun(db, "filter")
        #expect(line.runID != nil && line.runID == filterRun)
        // A dry run records no run, so it carries no run id.
        let dry = runCLI(["filter", "--db", db, "--json", "--dry-run"])
        #expect(dry.status == 0, "\(dry.stderr)")
        #expect(try SummaryJSONLine.decode(dry.stdout).runID == nil)
    }

    /// Before: `score --json` (heuristic) had no `run_id`.
    @Test func heuristicScorePrintsItsRun() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let result = runCLI(["score", "--db", db, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try SummaryJSONLine.decode(result.stdout)
        #expect(line.command == "score")
        let scoreRun = try latestRun(db, "score")
        #expect(line.runID != nil && line.runID == scoreRun)
    }

    @Test func dedupAndImportNameThemselvesAndTheirRun() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let dedup = runCLI(["dedup", "--db", db, "--json"])
        #expect(dedup.status == 0, "\(dedup.stderr)")
        let dedupLine = try SummaryJSONLine.decode(dedup.stdout)
        let dedupRun = try latestRun(db, "dedup")
        #expect(dedupLine.command == "dedup" && dedupLine.runID == dedupRun)
        let file = try dir.write("more.jsonl", #"{"instruction": "Name a prime.", "output": "7"}"# + "\n")
        let imported = runCLI(["import", "--db", db, file, "--json"])
        #expect(imported.status == 0, "\(imported.stderr)")
        let body = Data(imported.stdout.utf8)
        let importLine = try #require(try JSONSerialization.jsonObject(with: body) as? [String: Any])
        #expect(!imported.stdout.dropLast().contains("\n"))
        #expect(importLine["command"] as? String == "import")
        let importRun = try latestRun(db, "import")
        #expect((importLine["run_id"] as? Int).map(Int64.init) == importRun)
    }

    /// Before: export had no `--json`.
    @Test func exportSummarisesEachFileOnOneLine() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let out = dir.file("out.jsonl")
        let result = runCLI(["export", "--db", db, "--all", "--format", "openai", "--check", "-o", out, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try SummaryJSONLine.decode(result.stdout)
        #expect(line.command == "export")
        #expect(line.runID == nil)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let written = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n").count
        #expect(written == 7)
        #expect(report["records"] as? Int == written)
        #expect(report["format"] as? String == "openai")
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.count == 1)
        #expect(files.first?["path"] as? String == out)
        #expect(files.first?["records"] as? Int == written)
        #expect(files.first?["checked"] as? Int == written)
        #expect(files.first?["flagged"] as? Int == report["flagged"] as? Int)
        #expect(files.first?["skipped"] as? [String: Int] != nil)
    }

    @Test func exportSplitListsEveryFile() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let out = dir.file("set.jsonl")
        let result = runCLI(["export", "--db", db, "--all", "--split", "train=0.5,test=0.5", "-o", out, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let files = try #require(report["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == [dir.file("set_train.jsonl"), dir.file("set_test.jsonl")])
        #expect(files.compactMap { $0["records"] as? Int }.reduce(0, +) == 7)
        #expect(report["records"] as? Int == 7)
    }

    /// The records go to stdout without -o, so a summary there would be mixed into the data.
    @Test func exportJSONWithoutOutputIsAUsageError() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let result = runCLI(["export", "--db", db, "--json"])
        #expect(result.status == 64)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("--json needs -o"), "\(result.stderr)")
    }
}
