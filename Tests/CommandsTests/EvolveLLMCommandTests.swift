import Foundation
import Store
import Testing
import TestSupport

/// `dsbench evolve --backend llm` end to end against the scripted server, run as a subprocess of the built
/// binary. Lineage, templates by language, each elimination rule and its near miss, retries, faults.
@Suite(.serialized) struct EvolveLLMCommandTests {
    typealias F = EvolveLLMFixtures

    /// Each strategy's method sentence in our templates, to tie a row's strategy to the prompt that made it.
    static let methodText: [String: (en: String, zh: String)] = [
        "constraints": ("add exactly one further constraint", "增加一条回答必须满足的约束"),
        "deepen": ("widen and deepen what it asks", "加深并拓宽提问的深度和广度"),
    ]

    @Test func twoRoundsWriteLineageCallsAndVerdicts() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, ids) = try F.database(dir, [
            ("Explain how photosynthesis works.", ""), ("Summarise the paragraph.", "Remote work grew fast in 2020."),
            ("简单介绍一下清明节的由来。", ""),
        ])
        let result = try F.evolve(db, server, ["--rounds", "2", "--strategies", "constraints,deepen", "--seed", "4"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("round 1: 3 evolved, 0 eliminated"), "\(result.stdout)")
        #expect(result.stdout.contains("round 2: 3 evolved, 0 eliminated"), "\(result.stdout)")

        let depth1 = try F.query(db, "SELECT * FROM instructions WHERE depth = 1 ORDER BY parent_id")
        #expect(depth1.map { $0.int64("parent_id") } == ids)
        #expect(depth1.map { $0.int64("root_id") } == ids)
        #expect(depth1.allSatisfy { $0.string("origin") == "evolved" })
        #expect(depth1[0].string("instruction") == "Explain how photosynthesis works. Explain each step in detail.")
        // The parent's input, kept unchanged after the rewrite, is split off again.
        #expect(depth1[1].string("instruction") == "Summarise the paragraph. Explain each step in detail.")
        #expect(depth1[1].string("input") == "Remote work grew fast in 2020.")
        #expect(depth1[2].string("instruction") == "简单介绍一下清明节的由来。请详细说明每一步。")
        #expect(depth1[2].string("language") == "zh")

        let depth2 = try F.query(db, "SELECT * FROM instructions WHERE depth = 2 ORDER BY root_id")
        #expect(depth2.map { $0.int64("root_id") } == ids)
        #expect(Set(depth2.map { $0.int64("parent_id") }) == Set(depth1.map { $0.int64("id") }))
        for child in depth2 {
            let parent = try #require(depth1.first { $0.int64("id") == child.int64("parent_id") })
            #expect(child.int64("root_id") == parent.int64("root_id"))
            #expect(child.string("instruction").hasPrefix(parent.string("instruction")))
            #expect(child.string("input") == parent.string("input"))
        }

        // Each row's strategy is the one whose template produced it, in the row's language.
        let made = try F.query(db, """
            SELECT i.strategy, i.language, l.purpose, json_extract(l.request, '$.messages[0].content') AS prompt
            FROM instructions i JOIN llm_calls l ON l.id = i.llm_call_id WHERE i.origin = 'evolved'
            """)
        #expect(made.count == 6)
        for row in made {
            #expect(row.string("purpose") == "evol-rewrite")
            let method = try #require(Self.methodText[row.string("strategy")])
            #expect(row.string("prompt").contains(row.string("language") == "zh" ? method.zh : method.en))
        }

        // Chinese instructions get the Chinese rewrite and judge templates, English ones the English.
        let rewrites = server.requests.filter { F.kind(of: $0) == .rewrite }
        let judges = server.requests.filter { F.kind(of: $0) == .judge }
        for request in rewrites {
            let chinese = F.givenText(request).contains("清明节")
            #expect(request.userText.contains(chinese ? "#原始指令#" : "#Given Instruction#"))
            #expect(!request.userText.contains(chinese ? "#Given Instruction#" : "#原始指令#"))
        }
        #expect(judges.filter { $0.userText.contains("清明节") }.allSatisfy { $0.userText.contains("第二条指令") })
        #expect(judges.filter { $0.userText.contains("photosynthesis") }.allSatisfy { $0.userText.contains("Second instruction") })

        // Every evolved row: one answer from an evol-answer call, and all four checks passed.
        #expect(try F.count(db, """
            SELECT count(*) AS n FROM completions c JOIN llm_calls l ON l.id = c.llm_call_id
            JOIN instructions i ON i.id = c.instruction_id
            WHERE l.purpose = 'evol-answer' AND i.origin = 'evolved' AND c.model = 'scripted' AND c.origin = 'model'
            """) == 6)
        let verdicts = try F.query(db, "SELECT instruction_id, filter, passed FROM latest_verdicts")
        #expect(verdicts.allSatisfy { $0.bool("passed") })
        for row in depth1 + depth2 {
            let filters = Set(verdicts.filter { $0.int64("instruction_id") == row.int64("id") }.map { $0.string("filter") })
            #expect(filters == ["evol-leak", "evol-stopwords", "evol-no-gain", "evol-refusal"])
        }

        // The ledger and the run row.
        let calls = try F.query(db, "SELECT purpose, count(*) AS n, sum(status = 'succeeded') AS ok FROM llm_calls GROUP BY purpose ORDER BY purpose")
        #expect(calls.map { $0.string("purpose") } == ["evol-answer", "evol-gain-check", "evol-rewrite"])
        #expect(calls.allSatisfy { $0.int("n") == 6 && $0.int("ok") == 6 })
        #expect(server.requests.count == 18)
        let run = try #require(try F.query(db, "SELECT * FROM runs WHERE command = 'evolve'").first)
        #expect(run.string("status") == "succeeded")
        #expect(run.string("model") == "scripted")
        #expect(run.string("endpoint_host") == "127.0.0.1:\(server.port)")
        #expect(run.string("template") == "dsbench-evol@1")
        #expect(run.int("llm_calls") == 18 && run.int("rows_written") == 12)
        #expect(run.int("prompt_tokens") > 0 && run.int("completion_tokens") > 0)

        // A finished run has nothing to do and asks nothing.
        let again = try F.evolve(db, server, ["--rounds", "2", "--strategies", "constraints,deepen", "--seed", "4"])
        #expect(again.status == 0 && again.stdout.contains("Nothing to do"), "\(again.stdout)\(again.stderr)")
        #expect(server.requests.count == 18)

        // --rounds 3 later adds round 3 only: every new rewrite evolves a depth-2 row.
        let third = try F.evolve(db, server, ["--rounds", "3", "--strategies", "constraints,deepen", "--seed", "4", "--json"])
        #expect(third.status == 0, "\(third.stderr)")
        let rounds = try EvolveJSON(third.stdout)
        #expect(rounds.round(3) == .init(round: 3, planned: 3, already_done: 0, evolved: 3, failed_evolutions: 0), "\(third.stdout)")
        #expect(rounds.round(1) == .init(round: 1, planned: 3, already_done: 3, evolved: 0, failed_evolutions: 0))
        let newRewrites = server.requests.dropFirst(18).filter { F.kind(of: $0) == .rewrite }
        let depth2Texts = Set(depth2.map { row in
            row.string("input").isEmpty ? row.string("instruction") : row.string("instruction") + "\n\n" + row.string("input")
        })
        #expect(newRewrites.count == 3)
        #expect(Set(newRewrites.map(F.givenText)) == depth2Texts)
        #expect(server.requests.count == 27)
        #expect(try F.count(db, "SELECT count(*) AS n FROM instructions WHERE depth = 3") == 3)
    }

    @Test func eachEliminationRuleFiresAndItsNearMissDoesNot() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let seeds: [(marker: String, text: String, expected: String?)] = [
            ("zzleak", "Describe a city park. zzleak", "evol-leak"),
            ("zzinherit", "Rewrite the given prompt in plain English: utilise the apparatus. zzinherit", nil),
            ("zzstop", "Name a fruit. zzstop", "evol-stopwords"),
            ("zzshort", "Ask a question. zzshort", nil),
            ("zzempty", "Say something. zzempty", "evol-stopwords"),
            ("zzsame", "Compare two sorting algorithms. zzsame", "evol-no-gain"),
            ("zznotsame", "Compare cats and dogs. zznotsame", nil),
            ("zzrefuse", "Explain how vaccines work. zzrefuse", "evol-refusal"),
            ("zzlongsorry", "Explain why leaves fall. zzlongsorry", nil),
            ("zzsilent", "Describe your morning. zzsilent", "evol-stopwords"),
        ]
        let (db, ids) = try F.database(dir, seeds.map { ($0.text, "") })
        let result = try F.evolve(db, server, ["--rounds", "1", "--strategies", "deepen"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("round 1: 10 evolved, 6 eliminated"), "\(result.stdout)")
        #expect(result.stdout.contains("evol-stopwords 3"))

        let failed = try F.query(db, """
            SELECT i.parent_id, v.filter, v.reason, v.completion_id FROM latest_verdicts v
            JOIN instructions i ON i.id = v.instruction_id WHERE v.passed = 0
            """)
        for (seed, id) in zip(seeds, ids) {
            let fired = failed.filter { $0.int64("parent_id") == id }
            #expect(fired.map { $0.string("filter") } == (seed.expected.map { [$0] } ?? []), "\(seed.marker)")
        }
        func reason(_ marker: String) -> String {
            let id = ids[seeds.firstIndex { $0.marker == marker }!]
            return failed.first { $0.int64("parent_id") == id }?.string("reason") ?? ""
        }
        #expect(reason("zzleak").contains("given prompt"))
        #expect(reason("zzstop").contains("no content words"))
        #expect(reason("zzsilent").contains("the answer is only punctuation and stop words"))
        #expect(reason("zzsame").contains("EQUAL"))
        #expect(reason("zzrefuse").contains("refusal or apology"))
        // Answer rules are judged on the answer: those verdicts carry the completion.
        #expect(failed.filter { $0.string("filter") == "evol-refusal" }.allSatisfy { $0.optionalInt64("completion_id") != nil })

        // A rewrite eliminated by a text rule costs no judge or answer call; a no-gain one no answer call.
        for marker in ["zzleak", "zzstop", "zzempty"] {
            #expect(!server.requests.contains { F.kind(of: $0) != .rewrite && $0.userText.contains(marker) }, "\(marker)")
        }
        #expect(!server.requests.contains { F.kind(of: $0) == .answer && $0.userText.contains("zzsame") })
        // The apology followed by a full answer is kept, with its answer stored and the refusal check passed.
        let longSorry = ids[seeds.firstIndex { $0.marker == "zzlongsorry" }!]
        #expect(try F.count(db, """
            SELECT count(*) AS n FROM latest_verdicts v JOIN instructions i ON i.id = v.instruction_id
            WHERE i.parent_id = ? AND v.filter = 'evol-refusal' AND v.passed = 1 AND v.completion_id IS NOT NULL
            """, [.integer(longSorry)]) == 1)
        // The empty rewrite is a row (with its call) eliminated with a reason, not a crash.
        let empty = ids[seeds.firstIndex { $0.marker == "zzempty" }!]
        let emptyRow = try #require(try F.query(db, "SELECT * FROM instructions WHERE parent_id = ?", [.integer(empty)]).first)
        #expect(emptyRow.string("instruction").isEmpty && emptyRow.optionalInt64("llm_call_id") != nil)
        // Exports skip eliminated rows: the examples view marks them failed.
        #expect(try F.count(db, "SELECT count(*) AS n FROM examples WHERE origin = 'evolved' AND verdict = 'fail'") == 6)
    }

    @Test func eliminatedParentIsRetriedWithTheOtherStrategy() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, ids) = try F.database(dir, [("Compare two sorting algorithms. zzsame", ""), ("Explain how tides work.", "")])
        let result = try F.evolve(db, server, ["--rounds", "2", "--strategies", "constraints,deepen", "--seed", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let first = try #require(try F.query(db, "SELECT * FROM instructions WHERE parent_id = ? AND round = 1", [.integer(ids[0])]).first)
        let retry = try F.query(db, "SELECT * FROM instructions WHERE parent_id = ? AND round = 2", [.integer(ids[0])])
        #expect(retry.count == 1)
        // Depth counts steps from the root: the retry is the seed's child, so depth 1 in round 2 (before the fix: 2).
        #expect(first.int("depth") == 1 && retry.first?.int("depth") == 1)
        #expect(try F.count(db, "SELECT count(*) AS n FROM instructions c JOIN instructions p ON p.id = c.parent_id WHERE c.depth <> p.depth + 1") == 0)
        #expect(retry.first?.string("strategy") != first.string("strategy"))
        #expect(Set([first.string("strategy"), retry.first?.string("strategy") ?? ""]) == ["constraints", "deepen"])
        #expect(try F.count(db, "SELECT count(*) AS n FROM instructions WHERE parent_id = ?", [.integer(first.int64("id"))]) == 0)
        // The survivor goes on from its own child.
        let survivor = try #require(try F.query(db, "SELECT id FROM instructions WHERE parent_id = ? AND round = 1", [.integer(ids[1])]).first)
        #expect(try F.count(db, "SELECT count(*) AS n FROM instructions WHERE parent_id = ? AND depth = 2", [.integer(survivor.int64("id"))]) == 1)
    }

    @Test func faultsAndOddRepliesEndAsRecordedRows() throws {
        let server = try ScriptedLLMServer(script: F.script())
        defer { server.stop() }
        let dir = TemporaryDirectory()
        let (db, ids) = try F.database(dir, [
            ("Plan a weekend trip. zzflaky", ""), ("Write a haiku about snow. zztrunc", ""),
            ("List three rivers in Asia. zzlength", ""), ("Describe a lighthouse. zzmumble", ""),
        ])
        let result = try F.evolve(
            db, server, ["--rounds", "2", "--strategies", "constraints,deepen", "--max-retries", "1", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try EvolveJSON(result.stdout).rounds.map(\.failed_evolutions) == [1, 1], "\(result.stdout)")

        // 500 then success: one ledger row with two attempts, and the evolution exists.
        let flaky = try F.query(db, """
            SELECT l.* FROM llm_calls l JOIN instructions i ON i.llm_call_id = l.id
            WHERE i.parent_id = ? AND i.depth = 1
            """, [.integer(ids[0])])
        #expect(flaky.count == 1 && flaky.first?.string("status") == "succeeded" && flaky.first?.int("attempts") == 2)

        // Truncated JSON: a failed row per attempt, no instruction; the parent is retried in round 2.
        let truncated = try F.query(db, """
            SELECT * FROM llm_calls WHERE purpose = 'evol-rewrite' AND request LIKE '%zztrunc%' ORDER BY id
            """)
        #expect(truncated.count == 2)
        #expect(truncated.allSatisfy { $0.string("status") == "failed" && $0.string("error").contains("unusable response") })
        #expect(try F.count(db, "SELECT count(*) AS n FROM instructions WHERE root_id = ?", [.integer(ids[1])]) == 0)

        // finish_reason length without usage: kept, usage marked estimated, counted on the run.
        let cut = try #require(try F.query(db, """
            SELECT l.finish_reason, l.usage_estimated, l.prompt_tokens FROM llm_calls l JOIN instructions i ON i.llm_call_id = l.id
            WHERE i.parent_id = ? AND i.depth = 1
            """, [.integer(ids[2])]).first)
        #expect(cut.string("finish_reason") == "length" && cut.int("usage_estimated") == 1 && cut.int("prompt_tokens") > 0)
        let totals = try #require(try F.query(db, "SELECT totals FROM runs WHERE command = 'evolve'").first).string("totals")
        #expect(totals.contains("\"truncated_rewrites\":2"), "\(totals)")

        // A judge answering nonsense keeps the evolution and says why.
        let mumble = try #require(try F.query(db, """
            SELECT v.passed, v.reason FROM latest_verdicts v JOIN instructions i ON i.id = v.instruction_id
            WHERE i.parent_id = ? AND i.depth = 1 AND v.filter = 'evol-no-gain'
            """, [.integer(ids[3])]).first)
        #expect(mumble.bool("passed") && mumble.string("reason").contains("unreadable"))

        // Every HTTP request the server saw is accounted for in the ledger (attempts included).
        #expect(try F.count(db, "SELECT sum(attempts) AS n FROM llm_calls") == server.requests.count)
    }
}
