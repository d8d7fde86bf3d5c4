import Commands
import Foundation
import Store
import Testing
import TestSupport

/// `import --as documents`, `generate --from documents`, `complete` and `show` on an English and a Chinese
/// manual, against the scripted server.
@Suite(.serialized) struct DocumentSourcesCommandTests {
    typealias F = LLMCommandFixtures
    typealias D = DocumentSourcesFixtures

    func importManuals(_ dir: TemporaryDirectory, db: String) throws {
        try FileManager.default.createDirectory(atPath: dir.file("docs"), withIntermediateDirectories: true)
        _ = try dir.write("docs/en.md", D.english)
        _ = try dir.write("docs/zh.md", D.chinese)
        let result = F.run(["import", dir.file("docs"), "--as", "documents", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("en.md: 1 document, 3 chunks"))
        #expect(result.stdout.contains("zh.md: 1 document, 3 chunks"))
    }

    @Test func englishAndChineseManualsBecomeLinkedGroundedQA() throws {
        let server = try D.server()
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = dir.file("docs.db")
        try importManuals(dir, db: db)
        #expect(try F.scalar(db, "SELECT count(*) FROM documents") == 2)
        #expect(try F.scalar(db, "SELECT count(*) FROM chunks WHERE language = 'zh'") == 3)

        let dryRun = F.run(["generate", "--from", "documents", "--dry-run", "--json", "--db", db, "--base-url", server.baseURL, "--model", "scripted"])
        #expect(dryRun.status == 0, "\(dryRun.stderr)")
        let estimate = try #require(try JSONSerialization.jsonObject(with: Data(dryRun.stdout.utf8)) as? [String: Any])
        #expect(estimate["calls_per_chunk"] as? Int == 1)
        #expect(estimate["chunks"] as? Int == 6)
        #expect(server.requests.isEmpty, "a dry run sends nothing")

        let result = F.run(["generate", "--from", "documents", "--per-chunk", "3", "--db", db, "--base-url", server.baseURL,
                            "--model", "scripted", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["questions"] as? Int == 18)
        #expect(summary["chunks_done"] as? Int == 6)
        #expect(server.requests.count == 6)
        // Chinese chunks get the Chinese prompt, English chunks the English one.
        #expect(server.requests.filter { $0.userText.contains("下面是一份文档") }.count == 3)
        #expect(server.requests.filter { $0.userText.contains("Below is a passage") }.count == 3)

        // Every question links to its chunk, its file and line range, its call; every answer is a completion.
        let rows = try F.query(db, """
            SELECT i.id, i.instruction, i.language, i.source, i.llm_call_id, d.path, d.line_start, d.line_end, c.output
            FROM instructions i JOIN document_chunks d ON d.chunk_id = i.chunk_id
            JOIN completions c ON c.instruction_id = i.id WHERE i.origin = 'document' ORDER BY i.id
            """)
        #expect(rows.count == 18)
        #expect(try F.scalar(db, "SELECT count(*) FROM instructions WHERE strategy = 'doc-qa' AND extra IS NULL") == 18)
        for row in rows {
            #expect(row.string("source") == "\(row.string("path")):\(row.int("line_start"))-\(row.int("line_end"))")
            #expect(row.optionalInt("llm_call_id") != nil)
        }
        let safety = try #require(rows.first { $0.string("instruction") == "What does the kettle manual say about Safety?" })
        #expect(safety.string("path").hasSuffix("en.md"))
        #expect(safety.int("line_start") == 9 && safety.int("line_end") == 11)
        #expect(safety.string("output") == "Never immerse the base in water. Keep the cord away from the edge of the counter.")
        let chineseRow = try #require(rows.first { $0.string("instruction") == "关于「清洁」，说明书是怎么说的？" })
        #expect(chineseRow.string("language") == "zh")
        #expect(chineseRow.int("line_start") == 5 && chineseRow.int("line_end") == 7)

        // Verdicts: the passage-leaning question, the invented answers, and nothing else fail.
        let failing = try F.query(db, "SELECT filter, count(*) AS n FROM latest_verdicts WHERE passed = 0 GROUP BY filter ORDER BY filter")
        let byFilter = Dictionary(uniqueKeysWithValues: failing.map { ($0.string("filter"), $0.int("n")) })
        #expect(byFilter["doc-self-contained"] == 6)
        #expect(byFilter["doc-grounded"] == 6)
        #expect(try F.scalar(db, "SELECT count(*) FROM latest_verdicts WHERE filter = 'doc-grounded' AND passed = 1") == 12)
        let invented = try #require(try F.query(db, "SELECT v.reason, v.detail, v.completion_id FROM verdicts v JOIN instructions i ON i.id = v.instruction_id WHERE v.filter = 'doc-grounded' AND i.instruction LIKE 'How long is the warranty%Safety?'").first)
        #expect(invented.optionalInt("completion_id") != nil, "grounding judges the answer")
        #expect(invented.string("reason").hasPrefix("ROUGE-L recall"))

        // show prints the passage with its file and line range.
        let show = F.run(["show", "\(safety.int("id"))", "--db", db])
        #expect(show.status == 0)
        #expect(show.stdout.contains("passage: chunk #"))
        #expect(show.stdout.contains("en.md, lines 9–11, under Kettle Manual > Safety"))
        #expect(show.stdout.contains("  │ Never immerse the base in water."))

        // A rerun has nothing to do and sends nothing.
        let rerun = F.run(["generate", "--from", "documents", "--db", db, "--base-url", server.baseURL, "--model", "scripted"])
        #expect(rerun.status == 0)
        #expect(rerun.stdout.contains("no chunk matches --where without qa questions already; nothing to do"))
        #expect(server.requests.count == 6)
    }

    @Test func aModelJudgeDecidesGroundingWhenAsked() throws {
        let server = try ScriptedLLMServer { request in
            let text = request.userText
            if text.contains("Decide whether every claim") {
                return .completion(text.contains("warranty") ? "UNSUPPORTED\nNo warranty is mentioned." : "SUPPORTED")
            }
            return .completion(D.qaReply(for: text))
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = dir.file("docs.db")
        try importManuals(dir, db: db)
        let result = F.run(["generate", "--from", "documents", "--grounding", "judge", "--where", "path LIKE '%en.md'",
                            "--db", db, "--base-url", server.baseURL, "--model", "scripted"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(server.requests.count == 3 + 9, "3 chunks, then one judge call per answer")
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls WHERE purpose = 'doc-judge'") == 9)
        #expect(try F.scalar(db, "SELECT count(*) FROM latest_verdicts WHERE filter = 'doc-grounded' AND passed = 0") == 3)
        let detail = try #require(try F.query(db, "SELECT detail FROM verdicts WHERE filter = 'doc-grounded' AND passed = 0 LIMIT 1").first)
        #expect(detail.string("detail").contains("\"method\":\"judge\""))
        // runs.options.sampling: the question writer's defaults and the judge's, as numbers; the judge sends no seed.
        let sampling = try #require(try F.query(db, """
            SELECT json_extract(options, '$.sampling.generate.temperature') AS gt, json_type(options, '$.sampling.generate.max_tokens') AS gm,
                json_extract(options, '$.sampling.generate.max_tokens') AS gmv, json_extract(options, '$.sampling.judge.max_tokens') AS jm,
                json_extract(options, '$.sampling.judge.temperature') AS jt, json_type(options, '$.sampling.judge.seed') AS js
            FROM runs WHERE command = 'generate'
            """).first)
        #expect(sampling.double("gt") == 0.7 && sampling.string("gm") == "integer" && sampling.int("gmv") == 2048)
        #expect(sampling.int("jm") == 64 && sampling.double("jt") == 0 && sampling.optionalString("js") == nil)
        #expect(F.run(["generate", "--from", "documents", "--style", "instructions", "--grounding", "judge", "--db", db]).status == 64)
    }

    @Test func questionsOnlyAreAnsweredByCompleteFromTheirChunk() throws {
        let server = try D.server()
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = dir.file("docs.db")
        try importManuals(dir, db: db)
        let generate = F.run(["generate", "--from", "documents", "--style", "instructions", "--per-chunk", "2",
                              "--where", "path LIKE '%zh.md' AND heading_path LIKE '%安全%'",
                              "--db", db, "--base-url", server.baseURL, "--model", "scripted"])
        #expect(generate.status == 0, "\(generate.stderr)")
        #expect(server.requests.count == 1)
        #expect(try F.scalar(db, "SELECT count(*) FROM instructions WHERE origin = 'document'") == 2)
        #expect(try F.scalar(db, "SELECT count(*) FROM completions") == 0)
        #expect(!server.requests[0].userText.contains("answer"), "questions-only prompt")

        let complete = F.run(["complete", "--where", "origin = 'document'", "--db", db, "--base-url", server.baseURL, "--model", "scripted"])
        #expect(complete.status == 0, "\(complete.stderr)")
        // The question that leans on "上文" failed doc-self-contained, so complete leaves it out.
        let answerPrompts = server.requests.dropFirst().map(\.userText)
        #expect(answerPrompts.count == 1)
        for prompt in answerPrompts {
            #expect(prompt.hasPrefix("参考资料：\n\"\"\"\n## 安全\n\n切勿将底座浸入水中。电源线应远离台面边缘。\n\"\"\""))
        }
        #expect(try F.scalar(db, "SELECT count(*) FROM completions c JOIN instructions i ON i.id = c.instruction_id WHERE i.origin = 'document'") == 1)

        // --where is checked against the document_chunks view before anything is sent.
        let bad = F.run(["generate", "--from", "documents", "--where", "no_such_column = 1", "--db", db, "--base-url", server.baseURL, "--model", "scripted"])
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("--where is not a valid condition on the document_chunks view"))
        #expect(F.run(["generate", "--from", "documents", "--count", "3", "--db", db]).status == 64)
        #expect(server.requests.count == 2)
    }

    @Test func reimportSkipsUnchangedKeepsOldChunksAndRejectsBadFiles() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("docs.db")
        try importManuals(dir, db: db)
        let again = F.run(["import", dir.file("docs"), "--as", "documents", "--db", db])
        #expect(again.status == 0)
        #expect(again.stdout.contains("en.md: skipped, unchanged"))
        let json = F.run(["import", dir.file("docs"), "--as", "documents", "--json", "--db", db])
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let files = try #require(summary["files"] as? [[String: Any]])
        #expect(files.count == 2 && files.allSatisfy { $0["skipped"] as? Int == 1 && $0["documents"] as? Int == 0 })
        #expect(summary["run_id"] as? Int != nil)
        #expect(try F.scalar(db, "SELECT count(*) FROM documents") == 2)

        _ = try dir.write("docs/en.md", D.english + "\n\n## Warranty\n\nTwo years.")
        let changed = F.run(["import", dir.file("docs/en.md"), "--as", "documents", "--db", db])
        #expect(changed.status == 0)
        #expect(try F.scalar(db, "SELECT count(*) FROM documents") == 3)
        #expect(try F.scalar(db, "SELECT count(*) FROM chunks") == 10, "old chunks stay for lineage")

        let bad = dir.file("bad.md")
        FileManager.default.createFile(atPath: bad, contents: Data("# Title\n\nok\nbro".utf8) + Data([0xC3, 0x28]))
        let failed = F.run(["import", bad, "--as", "documents", "--db", db])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains("bad.md:4: invalid UTF-8 at byte offset 15"))
        let empty = try dir.write("empty.txt", "")
        let emptyRun = F.run(["import", empty, "--as", "documents", "--db", db])
        #expect(emptyRun.status == 1)
        #expect(emptyRun.stderr.contains("empty.txt:1: empty document"))
        #expect(try F.scalar(db, "SELECT count(*) FROM documents") == 3, "nothing half-written")
        #expect(try F.scalar(db, "SELECT count(*) FROM runs WHERE command = 'import' AND status = 'failed'") == 2)

        // --glob picks files of a directory; options that need --as documents are refused otherwise.
        try FileManager.default.createDirectory(atPath: dir.file("more"), withIntermediateDirectories: true)
        _ = try dir.write("more/a.txt", "Alpha text.")
        _ = try dir.write("more/b.md", "# B\n\nBeta.")
        let globbed = F.run(["import", dir.file("more"), "--as", "documents", "--glob", "*.txt", "--db", db])
        #expect(globbed.status == 0)
        #expect(globbed.stdout.contains("a.txt: 1 document") && !globbed.stdout.contains("b.md"))
        #expect(F.run(["import", dir.file("more/a.txt"), "--chunk-tokens", "100", "--db", db]).status == 64)
        #expect(F.run(["import", dir.file("more/a.txt"), "--as", "documents", "--chunk-tokens", "100", "--overlap", "60", "--db", db]).status == 64)
    }

    @Test func skipInvalidRefusesBadDocumentFilesAndImportsTheRest() throws {
        // A directory with a binary .txt, invalid UTF-8 and an empty file among good ones: without --skip-invalid
        // the first bad file stops the run; with it, each bad file is refused on its own and the rest imported.
        let dir = TemporaryDirectory()
        let db = dir.file("mixed.db")
        try FileManager.default.createDirectory(atPath: dir.file("mixed"), withIntermediateDirectories: true)
        _ = try dir.write("mixed/a.md", "# A\n\nAlpha text.")
        FileManager.default.createFile(atPath: dir.file("mixed/b.txt"), contents: Data([0x00, 0x01, 0x02]))
        FileManager.default.createFile(atPath: dir.file("mixed/c.txt"), contents: Data("ok\n".utf8) + Data([0xFF]))
        _ = try dir.write("mixed/d.md", "")
        _ = try dir.write("mixed/e.md", "# E\n\nEpsilon text.")
        let stopped = F.run(["import", dir.file("mixed"), "--as", "documents", "--db", db])
        #expect(stopped.status == 1 && stopped.stderr.contains("b.txt:1: binary file refused"), "\(stopped.stderr)")
        let skipped = F.run(["import", dir.file("mixed"), "--as", "documents", "--skip-invalid", "--json", "--db", db])
        #expect(skipped.status == 0, "\(skipped.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(skipped.stdout.utf8)) as? [String: Any])
        let files = try #require(summary["files"] as? [[String: Any]])
        #expect(files.compactMap { $0["refused"] as? String }.count == 3)
        #expect((files.first { ($0["file"] as? String)?.hasSuffix("c.txt") == true }?["refused"] as? String)?.contains("line 2: invalid UTF-8") == true)
        #expect(try F.scalar(db, "SELECT count(*) FROM documents") == 2)
        let text = F.run(["import", dir.file("mixed"), "--as", "documents", "--skip-invalid", "--db", db])
        #expect(text.stdout.contains("d.md: refused, nothing stored (line 1: empty document)"), "\(text.stdout)")
    }

    @Test func interruptedGenerationResumesWithoutResendingFinishedRequests() throws {
        let interrupt = InterruptSignal()
        let server = try ScriptedLLMServer { request in
            if request.ordinal == 1 { interrupt.request() }
            return .delayed(0.25, .completion(D.qaReply(for: request.userText)))
        }
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let db = dir.file("docs.db")
        try importManuals(dir, db: db)
        let arguments = ["generate", "--from", "documents", "--db", db, "--base-url", server.baseURL, "--model", "scripted", "--concurrency", "1"]
        let first = F.run(arguments, interrupt: interrupt)
        #expect(first.status == 130)
        let sent = server.requests.count
        #expect(sent >= 2 && sent < 6)
        #expect(try F.scalar(db, "SELECT count(*) FROM llm_calls") == sent)
        #expect(try F.scalar(db, "SELECT count(DISTINCT chunk_id) FROM instructions") == sent, "each finished call's rows are committed")

        let second = F.run(arguments)
        #expect(second.status == 0, "\(second.stderr)")
        let bodies = server.requests.map(\.bodyText)
        #expect(bodies.count == 6)
        #expect(Set(bodies).count == 6, "no finished request sent again")
        #expect(try F.scalar(db, "SELECT count(DISTINCT chunk_id) FROM instructions WHERE origin = 'document'") == 6)
        #expect(try F.query(db, "SELECT status FROM runs WHERE command = 'generate' ORDER BY id").map { $0.string("status") } == ["interrupted", "succeeded"])
    }
}
