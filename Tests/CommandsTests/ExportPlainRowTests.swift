import Formats
import Foundation
import Migrations
import Store
import Testing
import TestSupport

/// Plain rows stream through the layout's template (`PlainRecordTemplate`) unless `--check` (or
/// `--json-array`) needs the record; both paths must write the same bytes, for every layout, on rows of every
/// kind: plain ones of each shape (empty input, NULL/empty system, empty output), with escapes, control
/// characters, U+2028/U+2029, non-BMP characters and Chinese; rows with extra fields or a conversation; an
/// unanswered one; and ill-formed UTF-8 that only the String path repairs.
@Suite struct ExportPlainRowTests {
    func database() throws -> (TemporaryDirectory, String) {
        let dir = TemporaryDirectory()
        let path = dir.file("p.db")
        let database = try Database(path: path)
        try Migrator().migrate(database)
        let run = try RunStore(database).start(command: "test", optionsJSON: "{}")
        let texts = ["Name three fruits.", "说 \"你好\" \\ 换行\n制表\t", "\u{1}\u{1F}\u{7F} ctl", "a\u{2028}b\u{2029}c",
                     "𠀀 🙂👍🏽 non-BMP", "", "长" + String(repeating: "文本 text ", count: 30)]
        var id: Int64 = 0
        func add(_ instruction: String, input: String, output: String?, system: SQLValue = .null,
                 conversation: SQLValue = .null, extra: SQLValue = .null) throws {
            id += 1
            try database.execute(
                "INSERT INTO instructions (id, instruction, input, system, conversation, extra, origin, run_id) VALUES (?, ?, ?, ?, ?, ?, 'imported', ?)",
                [.integer(id), .text(instruction), .text(input), system, conversation, extra, .integer(run)])
            if let output {
                try database.execute("INSERT INTO completions (instruction_id, output, origin, run_id) VALUES (?, ?, 'imported', ?)",
                                     [.integer(id), .text(output), .integer(run)])
            }
        }
        for (offset, text) in texts.enumerated() {
            let other = texts[(offset + 2) % texts.count]
            try add(text, input: "", output: other)
            try add(text, input: other, output: text, system: .text(other))
            try add(text, input: other, output: "", system: .text(""))
            try add(text, input: "x", output: other, extra: .text(#"{"category": "brainstorm", "history": [["q", "a"]]}"#))
        }
        try add("unanswered", input: "", output: nil)
        try add("", input: "", output: "")
        try add("conversation", input: "", output: "final",
                conversation: .text(#"{"conversations": [{"from": "human", "value": "hi"}, {"from": "gpt", "value": "hello"}]}"#))
        // Ill-formed UTF-8 written by hand: export reads it as a String (U+FFFD), never copies the raw bytes.
        id += 1
        try database.execute(
            "INSERT INTO instructions (id, instruction, origin, run_id) VALUES (?, CAST(x'666fff6f20c3' AS TEXT), 'imported', ?)",
            [.integer(id), .integer(run)])
        try database.execute("INSERT INTO completions (instruction_id, output, origin, run_id) VALUES (?, CAST(x'e4b8ad80' AS TEXT), 'imported', ?)",
                             [.integer(id), .integer(run)])
        try RunStore(database).finish(runID: run, status: .succeeded, totals: .init())
        return (dir, path)
    }

    @Test(arguments: ["alpaca", "sharegpt", "openai"])
    func templateAndRecordPathsWriteTheSameBytes(format: String) throws {
        let (dir, db) = try database()
        for extra in [[], ["--all"], ["--all", "--turns", "keep"]] {
            let fast = dir.file("fast.jsonl"), checked = dir.file("checked.jsonl")
            let first = runCLI(["export", "--db", db, "--format", format, "-o", fast] + extra)
            let second = runCLI(["export", "--db", db, "--format", format, "--check", "-o", checked] + extra)
            #expect(first.status == 0 && second.status == 0, "\(first.stderr) \(second.stderr)")
            let fastBytes = try Data(contentsOf: URL(fileURLWithPath: fast))
            #expect(fastBytes.count > 1000)
            #expect(fastBytes == (try Data(contentsOf: URL(fileURLWithPath: checked))), "\(format) \(extra)")
            // The same skip lines on both paths.
            #expect(first.stderr.split(separator: "\n").filter { $0.hasPrefix("skipped") }
                    == second.stderr.split(separator: "\n").filter { $0.hasPrefix("skipped") })
            let text = String(decoding: fastBytes, as: UTF8.self)
            #expect(text.contains("\u{FFFD}"))
            #expect(text.contains("a\u{2028}b\u{2029}c"))
            #expect(text.contains(#"\u0001\u001f"#))
        }
    }

    /// Every written line equals the layout's record for the row read the plain way (`Row` strings, JSON
    /// columns through `JSONValue.parse`), whichever path wrote it: template, or record with the JSON columns
    /// parsed from their bytes.
    @Test(arguments: ["alpaca", "sharegpt", "openai"])
    func linesEqualTheLayoutsRecordsOfThePlainRead(format: String) throws {
        let (dir, db) = try database()
        let out = dir.file("all.jsonl")
        #expect(runCLI(["export", "--db", db, "--format", format, "--all", "-o", out]).status == 0)
        let layout = try #require(ExportLayouts.named(format))
        var expected: [UInt8] = []
        var framing = ExportFraming(jsonArray: false)
        for row in try Database(path: db).query(
            "SELECT instruction, input, output, system, conversation, extra FROM examples ORDER BY instruction_id, sample_index")
        {
            let exportRow = ExportRow(
                instruction: row.string("instruction"), input: row.string("input"), output: row.optionalString("output"),
                system: row.optionalString("system"), conversationJSON: row.optionalString("conversation"),
                extraJSON: row.optionalString("extra"))
            if case .record(let record, _) = layout.export(exportRow, options: ExportOptions()) { framing.append(record, to: &expected) }
        }
        #expect(framing.count > 25)
        #expect(Array(try Data(contentsOf: URL(fileURLWithPath: out))) == expected)
    }

}
