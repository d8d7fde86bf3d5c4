import Foundation
import Store
import Testing
import TestSupport

/// The Must-be-true of issue 13: 50 instructions × 2 models × 2 samples → judged (judge and pairwise with
/// swap checks) → preferences → exported in every preference layout, one record per layout checked field by
/// field; every rerun sends no finished request again; ties and single answers are counted, not errors.
@Suite(.serialized) struct PreferenceRecipeTests {
    typealias F = PreferenceRecipeFixtures

    func run(_ arguments: [String], _ server: ScriptedLLMServer) throws -> ProcessResult {
        try ProcessResult.run(arguments, environment: ["OPENAI_BASE_URL": server.baseURL])
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.split(separator: "\n").last.map(String.init)?.utf8 ?? "".utf8)) as? [String: Any])
    }

    @Test func fiftyInstructionsTwoModelsTwoSamplesJudgedAndExported() throws {
        let first = try ScriptedLLMServer(script: F.judgeAndAnswerScript())
        let second = try ScriptedLLMServer(script: F.answerScript())
        defer { first.stop(); second.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(dir)
        let models = "m1@\(first.baseURL),m2@\(second.baseURL)"

        // complete: 50 × 2 models × 2 samples, each model at its own endpoint.
        let complete = try run(["complete", "--db", db, "--models", models, "--n", "2", "--json"], first)
        #expect(complete.status == 0, "\(complete.stderr)")
        #expect(first.requests.count == 100 && second.requests.count == 100)
        #expect(Set(first.requests.map(\.model)) == ["m1"] && Set(second.requests.map(\.model)) == ["m2"])
        let database = try Database(path: db)
        let perModel = try database.query("""
            SELECT c.model, c.sample_index, count(*) AS n, min(l.endpoint_host) AS host FROM completions c
            JOIN llm_calls l ON l.id = c.llm_call_id GROUP BY c.model, c.sample_index ORDER BY 1, 2
            """)
        #expect(perModel.map { "\($0.string("model"))/\($0.int("sample_index"))/\($0.int("n"))" } == ["m1/0/50", "m1/1/50", "m2/0/50", "m2/1/50"])
        #expect(perModel.last?.string("host") == "127.0.0.1:\(second.port)")
        let completeRun = try #require(try database.first("SELECT model, endpoint_host FROM runs WHERE command = 'complete'"))
        #expect(completeRun.string("model") == "m1,m2" && completeRun.string("endpoint_host") == "127.0.0.1:\(first.port),127.0.0.1:\(second.port)")

        // judge and pairwise (a quarter of the pairs asked in both orders).
        let judge = try run(["score", "--db", db, "--scorer", "judge", "--model", "judge"], first)
        #expect(judge.status == 0, "\(judge.stderr)")
        let requestsBeforeDryRun = first.requests.count
        let pairwiseDry = try run(["score", "--db", db, "--scorer", "pairwise", "--model", "judge", "--swap-check", "0.25", "--dry-run", "--json"], first)
        let planned = try json(pairwiseDry.stdout)
        #expect(planned["dry_run"] as? Bool == true && planned["asks"] as? Int == planned["calls"] as? Int, "\(pairwiseDry.stdout)")
        #expect(first.requests.count == requestsBeforeDryRun)
        let pairwise = try run(["score", "--db", db, "--scorer", "pairwise", "--model", "judge", "--swap-check", "0.25", "--json"], first)
        #expect(pairwise.status == 0, "\(pairwise.stderr)")
        let pairwiseSummary = try json(pairwise.stdout)
        #expect(pairwiseSummary["instructions"] as? Int == 50)
        let asks = try #require(pairwiseSummary["asks"] as? Int)
        #expect(planned["asks"] as? Int == asks)
        let checks = try database.scalar("SELECT count(*) FROM pairwise_judgements WHERE swap_check = 1").intValue ?? 0
        #expect(asks == 300 + Int(checks) && checks > 40 && checks < 120)
        #expect(try database.scalar("SELECT count(*) FROM pairwise_judgements WHERE swap_check = 0").intValue == 300)
        // runs.options.sampling: the asks' defaults (temperature 0, 300 tokens) as numbers; no seed is sent.
        #expect(try database.scalar("SELECT json_extract(options, '$.sampling.pairwise.max_tokens') FROM runs WHERE command = 'score' ORDER BY id DESC LIMIT 1").intValue == 300)
        #expect(try database.scalar("SELECT json_type(options, '$.sampling.pairwise.temperature') IN ('integer', 'real') AND json_extract(options, '$.sampling.pairwise.temperature') = 0 AND json_type(options, '$.sampling.pairwise.seed') IS NULL FROM runs WHERE command = 'score' ORDER BY id DESC LIMIT 1").intValue == 1)
        let swap = try #require(pairwiseSummary["swap_check"] as? [String: Any])
        #expect(swap["rate"] as? Double == 1 && swap["checked"] as? Int == Int(checks))
        // The order shown was randomised: both positions were shown first for the better answer.
        let firstShownWins = try database.scalar("SELECT count(*) FROM pairwise_judgements WHERE winner = 'first'").intValue ?? 0
        let secondShownWins = try database.scalar("SELECT count(*) FROM pairwise_judgements WHERE winner = 'second'").intValue ?? 0
        #expect(firstShownWins > 80 && secondShownWins > 80)
        #expect(first.requests.contains { $0.userText.contains("【回答 A】") } && first.requests.contains { $0.userText.contains("[Answer A]") })
        let requestsAfterJudging = first.requests.count

        // Reruns send no finished request again and write nothing new.
        for arguments in [
            ["complete", "--db", db, "--models", models, "--n", "2"],
            ["score", "--db", db, "--scorer", "judge", "--model", "judge"],
            ["score", "--db", db, "--scorer", "pairwise", "--model", "judge", "--swap-check", "0.25"],
        ] {
            let again = try run(arguments, first)
            #expect(again.status == 0, "\(arguments): \(again.stderr)")
        }
        #expect(first.requests.count == requestsAfterJudging && second.requests.count == 100)
        // A dry run asking for a third sample counts the answers each model's own endpoint would give afresh.
        let dry = try run(["complete", "--db", db, "--models", models, "--n", "3", "--dry-run", "--json"], first)
        let estimate = try json(dry.stdout)
        #expect(estimate["calls"] as? Int == 100 && estimate["instructions"] as? Int == 50, "\(dry.stdout)")
        #expect(try database.scalar("SELECT count(*) FROM completions").intValue == 200)
        #expect(try database.scalar("SELECT count(*) FROM scores").intValue == 200)

        // One more instruction with a single imported answer: counted, not an error.
        try database.execute("INSERT INTO instructions (instruction, origin, run_id) VALUES ('Lonely question?', 'imported', 1)")
        try database.execute("INSERT INTO completions (instruction_id, output, origin, run_id) VALUES (last_insert_rowid(), 'Lonely answer.', 'imported', 1)")

        for scorer in ["judge", "pairwise"] {
            let prefs = try ProcessResult.run(["preferences", "--db", db, "--scorer", scorer, "--json"])
            #expect(prefs.status == 0, "\(prefs.stderr)")
            let summary = try json(prefs.stdout)
            #expect(summary["pairs"] as? Int == 48, "\(scorer): \(prefs.stdout)")
            #expect(summary["no_pair"] as? [String: Int] == ["single_answer": 1, "all_tied": 2, "below_margin": 0], "\(scorer)")
        }
        // The last run (pairwise): m1 sample 0 wins all three of its pairs, m2 sample 1 loses all three.
        let margins = try database.query("SELECT DISTINCT chosen_score, rejected_score, margin FROM latest_preferences")
        #expect(margins.count == 1 && margins[0].double("margin") == 10)
        #expect(try database.scalar("SELECT count(*) FROM latest_preferences WHERE judgement_id IS NULL").intValue == 0)

        // Export every layout; check one record (the fifth: instruction 4, with an input, no system) field by field.
        let fourth = "Explain idea number 4 in two sentences.\nContext 4"
        let chosen = "Answer by m1 sample 0: about Explain idea number 4 in two s"
        let rejected = "Answer by m2 sample 1: about Explain idea number 4 in two s"
        func records(_ format: String, _ extra: [String] = []) throws -> [[String: Any]] {
            let path = dir.file("\(format).jsonl")
            let result = try ProcessResult.run(["export", "--db", db, "--format", format, "-o", path] + extra)
            #expect(result.status == 0, "\(format): \(result.stderr)")
            return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map {
                try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            }
        }
        let alpaca = try records("alpaca-preference", ["--dataset-info", dir.path])
        #expect(alpaca.count == 48)
        #expect(alpaca[4] as NSDictionary == [
            "instruction": "Explain idea number 4 in two sentences.", "input": "Context 4", "chosen": chosen, "rejected": rejected])
        #expect(alpaca.contains { $0["system"] as? String == "You are a concise tutor." })
        let sharegpt = try records("sharegpt-preference", ["--dataset-info", dir.path])
        #expect(sharegpt[4] as NSDictionary == [
            "conversations": [["from": "human", "value": fourth]],
            "chosen": ["from": "gpt", "value": chosen], "rejected": ["from": "gpt", "value": rejected]])
        let info = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("dataset_info.json")))) as? [String: [String: Any]])
        #expect(info["sharegpt-preference"]?["ranking"] as? Bool == true && info["alpaca-preference"]?["ranking"] as? Bool == true)
        #expect((info["sharegpt-preference"]?["columns"] as? [String: String])?["system"] == "system")
        let trl = try records("trl-preference")
        #expect(trl[4] as NSDictionary == ["prompt": fourth, "chosen": chosen, "rejected": rejected])
        let withSystem = try #require(trl.first { ($0["prompt"] as? [[String: String]])?.first?["role"] == "system" })
        #expect((withSystem["chosen"] as? [[String: String]])?.map { $0["role"] } == ["assistant"])
        let openai = try records("openai-preference")
        #expect(openai[4] as NSDictionary == [
            "input": ["messages": [["role": "user", "content": fourth]]],
            "preferred_output": [["role": "assistant", "content": chosen]],
            "non_preferred_output": [["role": "assistant", "content": rejected]]])
        let kto = try records("trl-kto", ["--kto-threshold", "7"])
        // 200 judged answers (the lonely one has no judge score), the four equal answers of each of the two tie
        // instructions merged into one record (rated 6): 194; 9 and 7 are desirable.
        #expect(kto.count == 194)
        #expect(kto.filter { $0["completion"] as? String == "The word." }.count == 2)
        #expect(kto.filter { $0["label"] as? Bool == true }.count == 96)
        let ktoFourth = try #require(kto.first { $0["completion"] as? String == chosen })
        #expect(ktoFourth as NSDictionary == ["prompt": fourth, "completion": chosen, "label": true])
        #expect(kto.allSatisfy { $0["label"] is Bool })
        // Labels from pairwise win rates: m1's answers (10, 6.7) and the two merged tie answers (5) reach 5, m2's do not.
        let pairwiseKTO = try records("trl-kto", ["--kto-scorer", "pairwise", "--kto-threshold", "5"])
        #expect(pairwiseKTO.count == 194 && pairwiseKTO.filter { $0["label"] as? Bool == true }.count == 98)

        // Lose ten of m2's answers (their calls stay in the ledger): the dry run hashes each request with its own
        // model's endpoint, so it finds all ten answered in llm_calls; only the lonely instruction's 2 × 2 answers
        // are new calls, and the real rerun sends just those.
        try database.executeScript("""
            CREATE TEMP TABLE lost AS SELECT c.id FROM completions c JOIN llm_calls l ON l.id = c.llm_call_id
                WHERE l.model = 'm2' AND c.sample_index = 0 ORDER BY c.id LIMIT 10;
            DELETE FROM scores WHERE completion_id IN (SELECT id FROM lost);
            DELETE FROM pairwise_judgements WHERE first_id IN (SELECT id FROM lost) OR second_id IN (SELECT id FROM lost);
            DELETE FROM completions WHERE id IN (SELECT id FROM lost);
            """)
        let lost = try run(["complete", "--db", db, "--models", models, "--n", "2", "--dry-run", "--json"], first)
        let lostEstimate = try json(lost.stdout)
        #expect(lostEstimate["calls"] as? Int == 4 && lostEstimate["cached"] as? Int == 10, "\(lost.stdout)")
        #expect(try run(["complete", "--db", db, "--models", models, "--n", "2"], first).status == 0)
        #expect(second.requests.count == 102 && first.requests.count == requestsAfterJudging + 2)
        #expect(try database.scalar("SELECT count(*) FROM completions WHERE model = 'm2'").intValue == 102)
    }

    @Test func interruptedPairwiseJudgingResumesWithoutRepeatingAPair() throws {
        let answers = try ScriptedLLMServer(script: F.judgeAndAnswerScript())
        let base = F.judgeAndAnswerScript()
        let slowJudge = try ScriptedLLMServer { .delayed(0.02, base($0)) }
        defer { answers.stop(); slowJudge.stop() }
        let dir = TemporaryDirectory()
        let db = try F.database(dir)
        let complete = try run(["complete", "--db", db, "--models", "m1,m2", "--n", "2", "--where", "instruction_id <= 10"], answers)
        #expect(complete.status == 0, "\(complete.stderr)")
        // 10 instructions × 4 answers = 60 pairs, plus all 60 swap checks (no tie instruction: every prompt differs).
        let arguments = ["score", "--db", db, "--scorer", "pairwise", "--model", "judge", "--swap-check", "1", "--concurrency", "2"]
        let status = try ProcessResult.interrupt(arguments, environment: ["OPENAI_BASE_URL": slowJudge.baseURL]) {
            slowJudge.requests.count >= 30
        }
        #expect(status == 130)
        let database = try Database(path: db)
        let kept = try database.scalar("SELECT count(*) FROM pairwise_judgements").intValue ?? 0
        #expect(kept >= 30 && kept < 120)
        #expect(try database.scalar("SELECT status FROM runs WHERE command = 'score'").stringValue == "interrupted")
        let again = try run(arguments, slowJudge)
        #expect(again.status == 0, "\(again.stderr)")
        // Every ask was sent exactly once over both runs, and every one is stored once.
        #expect(slowJudge.requests.count == 120)
        #expect(Set(slowJudge.requests.map(\.bodyText)).count == 120)
        #expect(try database.scalar("SELECT count(*) FROM pairwise_judgements").intValue == 120)
        #expect(try database.scalar("SELECT count(DISTINCT first_id || '-' || second_id) FROM pairwise_judgements").intValue == 120)
    }
}
