import Foundation
import Testing
import TestSupport

/// Issue 10 end to end: import faulty conversations, export for LLaMA-Factory with the check, validate.
@Suite struct TrainerExportCommandTests {
    private let faulty = """
        {"conversations": [{"from": "user", "value": "Name a prime number."}, {"from": "assistant", "value": "7"}], "task_type": "math"}
        {"conversations": [{"from": "human", "value": "Hi."}, {"from": "human", "value": "Name a square."}, {"from": "gpt", "value": "4"}]}
        {"conversations": [{"from": "human", "value": "a"}, {"from": "gpt", "value": "b"}, {"from": "human", "value": "c"}, {"from": "gpt", "value": "d"}, {"from": "function_call", "value": "{\\"name\\": \\"f\\", \\"arguments\\": {}}"}, {"from": "observation", "value": "1"}, {"from": "gpt", "value": "e"}]}

        """

    @Test func importFlagsTurnOrderAndExportRepairsChecksAndRegisters() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        let source = try dir.write("chat.jsonl", faulty)
        let imported = runCLI(["import", "--db", db, source])
        #expect(imported.stdout.contains("imported 3 records as 6 rows, 2 with turns out of order"), "\(imported.stdout)")
        let verdicts = runCLI(["sql", "--db", db, "--csv", "SELECT instruction_id, filter, passed, reason FROM verdicts ORDER BY instruction_id"])
        #expect(verdicts.stdout.contains("2,turn-order,0,consecutive user turns"), "\(verdicts.stdout)")
        #expect(verdicts.stdout.contains("3,turn-order,0,same-side turns of different roles"), "\(verdicts.stdout)")
        #expect(runCLI(["sql", "--db", db, "--csv", "SELECT task_type FROM instructions WHERE id = 1"]).stdout.contains("math"))

        try FileManager.default.createDirectory(atPath: dir.file("data"), withIntermediateDirectories: true)
        let out = dir.file("data/chat.jsonl")
        let export = runCLI(["export", "--db", db, "--format", "sharegpt", "-o", out, "--dataset-info", dir.file("data")])
        #expect(export.status == 0, "\(export.stderr)")
        #expect(export.stderr.contains("skipped: 1 (turn order: same-side turns of different roles)"), "\(export.stderr)")
        #expect(export.stderr.contains("changed: 1 × turns repaired (consecutive user turns)"))
        #expect(export.stderr.contains("check (LLaMA-Factory (sharegpt)): 0 of 2 records flagged"))
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written == """
            {"conversations": [{"from": "human", "value": "Name a prime number."}, {"from": "gpt", "value": "7"}], "task_type": "math"}
            {"conversations": [{"from": "human", "value": "Hi.\\n\\nName a square."}, {"from": "gpt", "value": "4"}]}

            """)
        #expect(runCLI(["validate", out, "--for", "llamafactory", "--dataset-info", dir.file("data")]).status == 0)
        // A file outside DIR is registered by its absolute path (LLaMA-Factory joins file_name to dataset_dir),
        // and validate looks it up by that same name — not by its bare name, which a file in DIR may share
        // (below: an unregistered chat.jsonl elsewhere used to pass as DIR's chat.jsonl).
        try FileManager.default.createDirectory(atPath: dir.file("elsewhere"), withIntermediateDirectories: true)
        let outside = dir.file("elsewhere/../elsewhere/outside.jsonl")
        #expect(runCLI(["export", "--db", db, "--format", "sharegpt", "-o", outside, "--dataset-info", dir.file("data")]).status == 0)
        let info = try String(contentsOfFile: dir.file("data/dataset_info.json"), encoding: .utf8)
        let absolute = URL(fileURLWithPath: dir.file("elsewhere/outside.jsonl")).standardizedFileURL.path
        #expect(info.contains(#""file_name": "\#(absolute)""#) || info.contains(#""file_name":"\#(absolute)""#), "\(info)")
        #expect(runCLI(["validate", outside, "--for", "llamafactory", "--dataset-info", dir.file("data")]).status == 0)
        let unregistered = dir.file("elsewhere/other/chat.jsonl")
        try FileManager.default.createDirectory(atPath: dir.file("elsewhere/other"), withIntermediateDirectories: true)
        try written.write(toFile: unregistered, atomically: true, encoding: .utf8)
        let lookup = runCLI(["validate", unregistered, "--for", "llamafactory", "--dataset-info", dir.file("data")])
        #expect(lookup.status == 1 && lookup.stderr.contains("no entry has file_name '\(URL(fileURLWithPath: unregistered).standardizedFileURL.path)'"), "\(lookup.stderr)")

        // --strict refuses the skipped row and leaves no file; a kept broken order is flagged by the check.
        let strictOut = dir.file("data/strict.jsonl")
        let strict = runCLI(["export", "--db", db, "--format", "sharegpt", "--turns", "keep", "--strict", "-o", strictOut])
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("2 turns do not alternate") || strict.stderr.contains("check (LLaMA-Factory (sharegpt)): 2 of 3 records flagged"), "\(strict.stderr)")
        #expect(!FileManager.default.fileExists(atPath: strictOut))
        #expect(runCLI(["export", "--db", db, "--strict"]).status == 64)

        // A dataset_info entry of the same name for another formatting is refused without --force.
        let clash = runCLI(["export", "--db", db, "--format", "alpaca", "-o", out, "--dataset-info", dir.file("data")])
        #expect(clash.status == 1)
        #expect(clash.stderr.contains("dataset_info.json:1: chat: an entry of this name points at chat.jsonl (sharegpt), not chat.jsonl (alpaca); use --force"), "\(clash.stderr)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) == written)
        let forced = runCLI(["export", "--db", db, "--format", "alpaca", "-o", out, "--dataset-info", dir.file("data"), "--force"])
        #expect(forced.status == 0)
        #expect(forced.stderr.contains("replaced entry 'chat' (was chat.jsonl (sharegpt))"))
    }

    @Test func validateFlagsAFileTheTrainerWouldMisread() throws {
        let dir = TemporaryDirectory()
        let file = try dir.write("mixed.jsonl", """
            {"conversations": [{"from": "human", "value": "q"}, {"from": "gpt", "value": "a"}], "tools": "[]"}
            {"conversations": [{"from": "user", "value": "q"}, {"from": "assistant", "value": "a"}], "tools": []}
            not json

            """)
        let result = runCLI(["validate", file, "--for", "llamafactory"])
        #expect(result.status == 1)
        #expect(result.stdout.contains("3 records checked against LLaMA-Factory (sharegpt); 2 flagged"), "\(result.stdout)")
        #expect(result.stdout.contains("line 2: tools is not a string (LLaMA-Factory reads a JSON string); invalid role tag 'user'; column 'tools' is an array here but a string in earlier records"))
        #expect(result.stdout.contains("line 3: invalid JSON"))
        #expect(runCLI(["validate", file]).status == 64)
    }

    @Test func sharedAndBundledFilesExportWithNothingFlagged() throws {
        let names = [
            "sharegpt_glaive_toolcall_en_demo.json", "sharegpt_glaive_toolcall_zh_demo.json",
            "sharegpt_fastchat_dummy_conversation.json", "llamafactory_alpaca_en_demo.json", "llamafactory_alpaca_zh_demo.json",
        ]
        let files = names.compactMap(ProjectPaths.sharedDataFile)
        guard files.count == names.count else {
            Issue.record("shared/data is absent next to the clone; skipping")
            return
        }
        let dir = TemporaryDirectory()
        let db = dir.file("t.db")
        #expect(runCLI(["import", "--db", db] + files + [ProjectPaths.root + "/examples/seed_tasks.jsonl", "--as", "examples"]).status == 0)
        for format in ["alpaca", "sharegpt", "openai"] {
            let result = runCLI(["export", "--db", db, "--all", "--format", format, "--check", "-o", dir.file("\(format).jsonl")])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr.contains("records flagged") && result.stderr.contains(": 0 of "), "\(format): \(result.stderr)")
        }
    }
}
