import Foundation
import Store
import Testing
import TestSupport

@Suite struct ExportCommandTests {
    private func parsedArray(_ path: String) throws -> NSArray {
        try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as! NSArray
    }

    private func roundTrip(_ name: String, format: String) throws {
        guard let source = ProjectPaths.sharedDataFile(name) else {
            Issue.record("shared/data/\(name) is absent next to the clone; skipping")
            return
        }
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        #expect(runCLI(["import", "--db", db, source]).status == 0)
        let out = dir.file("out.json")
        let result = runCLI(["export", "--db", db, "--format", format, "--json-array", "-o", out])
        #expect(result.status == 0, "\(result.stderr)")
        let original = try parsedArray(source)
        let exported = try parsedArray(out)
        #expect(exported.count == original.count)
        #expect(exported.isEqual(original))
    }

    @Test func alpacaEnglishRoundTrip() throws { try roundTrip("alpaca_en_52k.json", format: "alpaca") }
    @Test func alpacaChineseRoundTripKeepsTranslationScore() throws { try roundTrip("alpaca_zh_52k.json", format: "alpaca") }
    @Test func shareGPTToolCallRoundTrip() throws {
        try roundTrip("sharegpt_glaive_toolcall_en_demo.json", format: "sharegpt")
        try roundTrip("sharegpt_glaive_toolcall_zh_demo.json", format: "sharegpt")
        try roundTrip("sharegpt_fastchat_dummy_conversation.json", format: "sharegpt")
    }

    @Test func defaultSelectionSplitAndDatasetInfo() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        var lines = ""
        for row in 0..<100 { lines += "{\"instruction\": \"q\(row)\", \"output\": \"a\(row)\"}\n" }
        lines += "{\"instruction\": \"no answer\"}\n"
        let file = try dir.write("d.jsonl", lines)
        #expect(runCLI(["import", "--db", db, file]).status == 0)
        let all = runCLI(["export", "--db", db, "--format", "jsonl", "--all"])
        #expect(all.stdout.split(separator: "\n").count == 101)
        let gated = runCLI(["export", "--db", db, "--format", "openai", "--limit", "3"])
        #expect(gated.stdout.split(separator: "\n").count == 3)
        #expect(gated.stdout.hasPrefix(#"{"messages": [{"role": "user", "content": "q0"}"#))
        // --limit applies after --shuffle: five rows, the same five for the same seed, not simply the first five.
        let shuffled = ["export", "--db", db, "--format", "alpaca", "--shuffle", "--seed", "3", "--limit", "5"]
        let first = runCLI(shuffled)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.split(separator: "\n").count == 5)
        #expect(runCLI(shuffled).stdout == first.stdout)
        #expect(first.stdout != runCLI(["export", "--db", db, "--format", "alpaca", "--limit", "5"]).stdout)

        let out = dir.file("data/set.json")
        try FileManager.default.createDirectory(atPath: dir.file("data"), withIntermediateDirectories: true)
        let split = ["export", "--db", db, "--json-array", "--split", "train=0.9,test=0.1", "--seed", "7", "-o", out, "--dataset-info", dir.file("data")]
        #expect(runCLI(split).status == 0)
        let train = try parsedArray(dir.file("data/set_train.json"))
        let test = try parsedArray(dir.file("data/set_test.json"))
        #expect(train.count == 90 && test.count == 10)
        let firstTest = try String(contentsOfFile: dir.file("data/set_test.json"), encoding: .utf8)
        #expect(runCLI(split).status == 0)
        #expect(try String(contentsOfFile: dir.file("data/set_test.json"), encoding: .utf8) == firstTest)
        let info = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("data/dataset_info.json")))) as! [String: Any]
        #expect((info["set_train"] as? [String: Any])?["file_name"] as? String == "set_train.json")
        #expect(info["set_test"] != nil)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func aFailedExportLeavesNoFile() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        _ = runCLI(["init", "--db", db])
        let out = dir.file("x.json")
        let result = runCLI(["export", "--db", db, "--where", "no_such_column = 1", "-o", out])
        #expect(result.status == 64)
        #expect(result.stderr.contains("no_such_column"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains("x.json") }.isEmpty)
        #expect(runCLI(["export", "--db", db, "--split", "a=0.5,b=0.4", "-o", out]).status == 64)
    }
}

/// Found in a new-user trial: a refused export (`--strict` with a skipped row, or a conflicting
/// `dataset_info.json` entry) printed "wrote N records to PATH" before "no file written".
@Suite struct RefusedExportReportTests {
    @Test func aRefusedExportDoesNotSayItWrote() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let file = try dir.write("chat.jsonl", """
            {"conversations": [{"from": "human", "value": "q1"}, {"from": "human", "value": "q2"}, {"from": "gpt", "value": "a"}]}
            {"conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}]}

            """)
        #expect(runCLI(["import", "--db", db, file]).status == 0)
        let strictPath = dir.file("strict.json")
        let strict = runCLI(["export", "--db", db, "--format", "sharegpt", "--turns", "skip", "--strict", "-o", strictPath])
        #expect(strict.status == 1)
        #expect(!strict.stderr.contains("wrote "), "\(strict.stderr)")
        #expect(strict.stderr.contains("1 records not written"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: strictPath))

        let registered = dir.file("chat.json")
        #expect(runCLI(["export", "--db", db, "--format", "sharegpt", "-o", registered, "--dataset-info", dir.path]).status == 0)
        let before = try Data(contentsOf: URL(fileURLWithPath: registered))
        let conflict = runCLI(["export", "--db", db, "--format", "alpaca", "-o", registered, "--dataset-info", dir.path])
        #expect(conflict.status == 1)
        #expect(!conflict.stderr.contains("wrote "), "\(conflict.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: registered)) == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.contains(".tmp") }
        #expect(leftovers.isEmpty, "\(leftovers)")
    }
}
