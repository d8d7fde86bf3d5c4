import Foundation
import Migrations
import Store
import Testing
import TestSupport

/// `dsbench preferences` and the preference layouts of `dsbench export`, on a database built directly
/// (answers, judge scores, pairwise judgements, a failing verdict) so every selection rule is visible.
@Suite struct PreferencesCommandTests {
    /// Instructions: 1 (three answers 9/5/2), 2 (one answer), 3 (two tied answers), 4 (best answer fails a
    /// filter: 8 fails, 6 and 3 remain), 5 (multi-turn with system, answers 7/4), 6 (two equal texts 8/3: no
    /// pair), 7 (9 and an equal text rated 2, a different answer rated 5: the different one is rejected).
    struct Fixture {
        let path: String
        var completions: [String: Int64] = [:]
    }

    static func fixture(_ dir: TemporaryDirectory) throws -> Fixture {
        let path = dir.file("prefs.db")
        let database = try Database(path: path)
        try Migrator().migrate(database)
        let runID = try RunStore(database).start(command: "test-setup", optionsJSON: "{}")
        var fixture = Fixture(path: path)
        func instruction(_ text: String, system: String? = nil, conversation: String? = nil) throws -> Int64 {
            var row = InstructionStore.NewInstruction(instruction: text, origin: .imported, runID: runID)
            row.system = system
            row.conversation = conversation
            return try InstructionStore(database).insert(row)
        }
        func answer(_ name: String, _ instructionID: Int64, _ text: String, score: Double?, sample: Int) throws {
            var row = CompletionStore.NewCompletion(instructionID: instructionID, output: text, origin: .model, runID: runID)
            row.sampleIndex = sample
            row.model = sample % 2 == 0 ? "m1" : "m2"
            let id = try CompletionStore(database).insert(row)
            fixture.completions[name] = id
            if let score {
                try ScoreStore(database).insert(.init(
                    instructionID: instructionID, completionID: id, scorer: "judge", value: score, rationale: "r", detail: nil, runID: runID))
            }
        }
        let first = try instruction("Name three fruits.")
        try answer("1a", first, "Apple, banana, cherry.", score: 9, sample: 0)
        try answer("1b", first, "Apple.", score: 5, sample: 1)
        try answer("1c", first, "I cannot help.", score: 2, sample: 2)
        try answer("2a", try instruction("写一首短诗。"), "春风又绿江南岸。", score: 8, sample: 0)
        let third = try instruction("Say hi.")
        try answer("3a", third, "Hi!", score: 7, sample: 0)
        try answer("3b", third, "Hello!", score: 7, sample: 1)
        let fourth = try instruction("Explain gravity.")
        try answer("4a", fourth, "Mass attracts mass; call 555-0100 for more.", score: 8, sample: 0)
        try answer("4b", fourth, "Masses attract each other.", score: 6, sample: 1)
        try answer("4c", fourth, "Things fall.", score: 3, sample: 2)
        try VerdictStore(database).insert(.init(
            instructionID: fourth, completionID: fixture.completions["4a"], filter: "pii", passed: false, reason: "phone", detail: nil, runID: runID))
        let fifth = try instruction(
            "And the capital of Japan?", system: "Answer briefly.",
            conversation: #"{"conversations":[{"from":"human","value":"Capital of France?"},{"from":"gpt","value":"Paris."},{"from":"human","value":"And the capital of Japan?"},{"from":"gpt","value":"Tokyo."}]}"#)
        try answer("5a", fifth, "Tokyo.", score: 7, sample: 0)
        try answer("5b", fifth, "Kyoto.", score: 4, sample: 1)
        let sixth = try instruction("Repeat after me: ok")
        try answer("6a", sixth, "ok", score: 8, sample: 0)
        try answer("6b", sixth, "ok ", score: 3, sample: 1)
        let seventh = try instruction("Is water wet?")
        try answer("7a", seventh, "Yes.", score: 9, sample: 0)
        try answer("7b", seventh, " Yes.\n", score: 2, sample: 1)
        try answer("7c", seventh, "No.", score: 5, sample: 2)
        try RunStore(database).finish(runID: runID, status: .succeeded, totals: RunStore.Totals())
        return fixture
    }

    @Test func judgeScoresMakePairsAndCountInstructionsWithout() throws {
        let dir = TemporaryDirectory()
        let fixture = try Self.fixture(dir)
        let result = runCLI(["preferences", "--db", fixture.path, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["pairs"] as? Int == 4 && summary["instructions"] as? Int == 7)
        let noPair = try #require(summary["no_pair"] as? [String: Int])
        #expect(noPair == ["single_answer": 1, "all_tied": 2, "below_margin": 0], "equal answers count as tied")
        let database = try Database(path: fixture.path)
        let rows = try database.query("SELECT chosen_id, rejected_id, margin, scorer, rejected_policy FROM latest_preferences ORDER BY instruction_id")
        let pairs = rows.map { [$0.int64("chosen_id"), $0.int64("rejected_id")] }
        let c = fixture.completions
        #expect(pairs == [[c["1a"]!, c["1c"]!], [c["4b"]!, c["4c"]!], [c["5a"]!, c["5b"]!], [c["7a"]!, c["7c"]!]])
        #expect(rows.map { $0.double("margin") } == [7, 3, 3, 4])
        #expect(rows.allSatisfy { $0.string("scorer") == "judge" && $0.string("rejected_policy") == "worst" })

        // --rejected second and --min-margin: instruction 1 pairs 9 with 5; margins below 4 are dropped.
        let second = runCLI(["preferences", "--db", fixture.path, "--rejected", "second", "--min-margin", "4"])
        #expect(second.status == 0)
        #expect(second.stdout.contains("2 pairs from 7 instructions") && second.stdout.contains("2 below margin"), "\(second.stdout)")
        let latest = try database.query("SELECT chosen_id, rejected_id FROM latest_preferences ORDER BY instruction_id").map { [$0.int64("chosen_id"), $0.int64("rejected_id")] }
        #expect(latest == [[c["1a"]!, c["1b"]!], [c["7a"]!, c["7c"]!]])
        #expect(try database.scalar("SELECT count(*) FROM preferences").intValue == 6)
    }

    @Test func pairwiseJudgementsRankByWinRateAndHonourSwapChecks() throws {
        let dir = TemporaryDirectory()
        let fixture = try Self.fixture(dir)
        let database = try Database(path: fixture.path)
        let runID = try RunStore(database).start(command: "score", optionsJSON: "{}")
        let c = fixture.completions
        let instruction = try database.scalar("SELECT instruction_id FROM completions WHERE id = ?", [.integer(c["1a"]!)]).intValue!
        func judge(_ first: String, _ second: String, _ winner: String, swap: Bool = false) throws {
            try PairwiseJudgementStore(database).insert(.init(
                instructionID: instruction, firstID: c[first]!, secondID: c[second]!, winner: winner, swapCheck: swap,
                rationale: nil, judge: "j", template: "score-pairwise@1", llmCallID: nil, runID: runID))
        }
        try judge("1b", "1a", "second")
        try judge("1a", "1c", "first")
        try judge("1c", "1b", "second")
        try judge("1b", "1c", "second", swap: true)  // contradicts: 1b vs 1c becomes a tie
        try RunStore(database).finish(runID: runID, status: .succeeded, totals: RunStore.Totals())
        // Another judge's judgements are left out with --judge.
        let other = runCLI(["preferences", "--db", fixture.path, "--scorer", "pairwise", "--judge", "someone-else", "--json"])
        #expect(other.status == 0 && other.stdout.contains(#""pairs":0"#), "\(other.stdout)")
        let result = runCLI(["preferences", "--db", fixture.path, "--scorer", "pairwise", "--judge", "j", "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        let row = try #require(try database.first("SELECT * FROM latest_preferences"))
        #expect(row.int64("chosen_id") == c["1a"]! && row.double("chosen_score") == 10)
        #expect(row.double("rejected_score") == 2.5 && row.string("scorer") == "pairwise")
        #expect(row.optionalInt64("judgement_id") != nil)
        #expect(try database.scalar("SELECT count(*) FROM latest_preferences").intValue == 1)

        // stats: preference counts and margins, and the judge's agreement with itself on the swapped pair.
        let stats = runCLI(["stats", "--db", fixture.path, "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as? [String: Any])
        let preferences = try #require((object["preferences"] as? [[String: Any]])?.first)
        #expect(preferences["pairs"] as? Int == 1 && preferences["mean_margin"] as? Double == 7.5 && preferences["scorer"] as? String == "pairwise")
        let judged = try #require((object["pairwise_judgements"] as? [[String: Any]])?.first)
        #expect(judged["judged"] as? Int == 3 && judged["swap_checked"] as? Int == 1 && judged["swap_agreement_pct"] as? Double == 0)
        #expect(judged["first_shown_win_pct"] as? Double == 33.3)
        // show: the judgements and the pair of this instruction.
        let show = runCLI(["show", String(instruction), "--db", fixture.path])
        #expect(show.stdout.contains("pairwise judgements:") && show.stdout.contains("[swap check]"), "\(show.stdout)")
        #expect(show.stdout.contains("chosen #\(c["1a"]!) (10.00) over rejected #\(c["1b"]!) (2.50), margin 7.50, pairwise worst"))
        #expect(show.stdout.contains("← latest"))
        let showJSON = runCLI(["show", String(instruction), "--db", fixture.path, "--json"])
        let shown = try #require(try JSONSerialization.jsonObject(with: Data(showJSON.stdout.utf8)) as? [String: Any])
        #expect((shown["pairwise_judgements"] as? [Any])?.count == 4 && (shown["preferences"] as? [Any])?.count == 1)
    }

    @Test func everyPairLayoutWritesTheTrainersFormat() throws {
        let dir = TemporaryDirectory()
        let fixture = try Self.fixture(dir)
        #expect(runCLI(["preferences", "--db", fixture.path]).status == 0)
        // A pair of equal answers (made by hand or by an older run) is still left out by every layout.
        let c = fixture.completions
        try Database(path: fixture.path).execute("""
            INSERT INTO preferences (instruction_id, chosen_id, rejected_id, chosen_score, rejected_score, margin, scorer, rejected_policy, run_id)
            SELECT instruction_id, ?, ?, 8, 3, 5, 'judge', 'worst', (SELECT max(run_id) FROM preferences) FROM completions WHERE id = ?
            """, [.integer(c["6a"]!), .integer(c["6b"]!), .integer(c["6a"]!)])
        func records(_ format: String, _ extra: [String] = []) throws -> (lines: [[String: Any]], stderr: String) {
            let out = dir.file("\(format).jsonl")
            let result = runCLI(["export", "--db", fixture.path, "--format", format, "-o", out] + extra)
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOfFile: out, encoding: .utf8)
            return (try text.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }, result.stderr)
        }
        let alpaca = try records("alpaca-preference", ["--dataset-info", dir.path])
        #expect(alpaca.lines.count == 4 && alpaca.stderr.contains("skipped: 1 (chosen equals rejected)"), "\(alpaca.stderr)")
        #expect(alpaca.lines[0] as NSDictionary == ["instruction": "Name three fruits.", "input": "", "chosen": "Apple, banana, cherry.", "rejected": "I cannot help."])
        #expect(alpaca.lines[2] as NSDictionary == [
            "instruction": "And the capital of Japan?", "input": "", "chosen": "Tokyo.", "rejected": "Kyoto.",
            "system": "Answer briefly.", "history": [["Capital of France?", "Paris."]]])
        let info = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: dir.file("dataset_info.json")))) as? [String: Any])
        #expect(info["alpaca-preference"] as? NSDictionary == [
            "file_name": "alpaca-preference.jsonl", "ranking": true,
            "columns": ["prompt": "instruction", "query": "input", "chosen": "chosen", "rejected": "rejected", "system": "system", "history": "history"]])

        let sharegpt = try records("sharegpt-preference")
        #expect(sharegpt.lines[2] as NSDictionary == [
            "conversations": [["from": "human", "value": "Capital of France?"], ["from": "gpt", "value": "Paris."], ["from": "human", "value": "And the capital of Japan?"]],
            "chosen": ["from": "gpt", "value": "Tokyo."], "rejected": ["from": "gpt", "value": "Kyoto."], "system": "Answer briefly."])

        let trl = try records("trl-preference")
        #expect(trl.lines[0] as NSDictionary == ["prompt": "Name three fruits.", "chosen": "Apple, banana, cherry.", "rejected": "I cannot help."])
        #expect(trl.lines[2] as NSDictionary == [
            "prompt": [["role": "system", "content": "Answer briefly."], ["role": "user", "content": "Capital of France?"],
                       ["role": "assistant", "content": "Paris."], ["role": "user", "content": "And the capital of Japan?"]],
            "chosen": [["role": "assistant", "content": "Tokyo."]], "rejected": [["role": "assistant", "content": "Kyoto."]]])

        let openai = try records("openai-preference")
        #expect(openai.lines[1] as NSDictionary == [
            "input": ["messages": [["role": "user", "content": "Explain gravity."]]],
            "preferred_output": [["role": "assistant", "content": "Masses attract each other."]],
            "non_preferred_output": [["role": "assistant", "content": "Things fall."]]])
    }

    @Test func ktoLabelsPassingAnswersByThreshold() throws {
        let dir = TemporaryDirectory()
        let fixture = try Self.fixture(dir)
        let result = runCLI(["export", "--db", fixture.path, "--format", "trl-kto", "--kto-threshold", "7"])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = try result.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        // 16 answers, minus the one failing its filter, minus the two equal texts merged (6b into 6a, 7b into 7a).
        #expect(lines.count == 13)
        #expect(result.stderr.contains("merged: 2"), "\(result.stderr)")
        #expect(lines[0] as NSDictionary == ["prompt": "Name three fruits.", "completion": "Apple, banana, cherry.", "label": true])
        #expect(lines[1]["label"] as? Bool == false)
        #expect(result.stdout.contains(#""label":true"#) || result.stdout.contains(#""label": true"#))
        #expect(!result.stdout.contains("555-0100"))
    }

    @Test func ktoMergesEqualAnswersByTheirMeanRating() throws {
        let dir = TemporaryDirectory()
        let path = dir.file("kto.db")
        let database = try Database(path: path)
        try Migrator().migrate(database)
        let runID = try RunStore(database).start(command: "test-setup", optionsJSON: "{}")
        let instructionID = try InstructionStore(database).insert(.init(instruction: "Is the sky blue?", origin: .imported, runID: runID))
        for (sample, (text, score)) in [("Yes.", 8.0), ("No.", 3.0), ("Yes.", 3.0), ("Mostly.", 9.0), ("", 9.0), ("  \n", 8.0)].enumerated() {
            var row = CompletionStore.NewCompletion(instructionID: instructionID, output: text, origin: .model, runID: runID)
            row.sampleIndex = sample
            row.model = sample % 2 == 0 ? "m1" : "m2"
            let id = try CompletionStore(database).insert(row)
            try ScoreStore(database).insert(.init(
                instructionID: instructionID, completionID: id, scorer: "judge", value: score, rationale: "r", detail: nil, runID: runID))
        }
        try RunStore(database).finish(runID: runID, status: .succeeded, totals: RunStore.Totals())
        for (threshold, yes) in [("5", true), ("6", false)] {
            let result = runCLI(["export", "--db", path, "--format", "trl-kto", "--kto-threshold", threshold])
            #expect(result.status == 0, "\(result.stderr)")
            let lines = try result.stdout.split(separator: "\n").map { try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
            // "Yes." rated 8 and 3 is one record rated 5.5; the distinct texts stay; the empty ones are never written.
            #expect(lines.count == 3, "\(result.stdout)")
            #expect(lines.filter { $0["completion"] as? String == "Yes." }.count == 1)
            #expect(lines[0] as NSDictionary == ["prompt": "Is the sky blue?", "completion": "Yes.", "label": yes])
            #expect(lines[1] as NSDictionary == ["prompt": "Is the sky blue?", "completion": "No.", "label": false])
            #expect(lines[2] as NSDictionary == ["prompt": "Is the sky blue?", "completion": "Mostly.", "label": true])
            #expect(lines.allSatisfy { ($0["completion"] as? String)?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == false })
            #expect(result.stderr.contains("merged: 1 "), "\(result.stderr)")
            #expect(result.stderr.contains("skipped: 2 (empty answer)"), "\(result.stderr)")
        }
    }

    @Test func layoutsWithoutDataExitOneWithTheRecipe() throws {
        let dir = TemporaryDirectory()
        let fixture = try Self.fixture(dir)
        for format in ["alpaca-preference", "trl-preference"] {
            let result = runCLI(["export", "--db", fixture.path, "--format", format, "-o", dir.file("x.jsonl")])
            #expect(result.status == 1)
            #expect(result.stderr.contains("no preference pairs") && result.stderr.contains("dsbench preferences"), "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dir.file("x.jsonl")))
        }
        let kto = runCLI(["export", "--db", fixture.path, "--format", "trl-kto", "--kto-scorer", "heuristic"])
        #expect(kto.status == 1 && kto.stderr.contains("no answers rated by 'heuristic'"))
    }

    @Test func optionsThatDoNotApplyAreUsageErrors() throws {
        let dir = TemporaryDirectory()
        let fixture = try Self.fixture(dir)
        let cases: [[String]] = [
            ["export", "--format", "trl-preference", "--where", "1"],
            ["export", "--format", "openai-preference", "-o", "x.jsonl", "--dataset-info", "."],
            ["export", "--format", "alpaca", "--kto-threshold", "5"],
            ["export", "--format", "sharegpt-preference", "--turns", "skip"],
            ["export", "--format", "trl-preference", "--kto-threshold", "5"],
            ["complete", "--models", "m1,m2", "--model", "m3"],
            ["complete", "--models", "m1,m2", "--mode", "instances"],
            ["complete", "--models", "m1,,m2"],
            ["complete", "--models", "m1@ftp://host"],
            ["score", "--scorer", "judge", "--swap-check", "0.2"],
            ["score", "--scorer", "pairwise", "--swap-check", "1.5"],
            ["preferences", "--rejected", "median"],
            ["preferences", "--scorer", "complexity"],
            ["preferences", "--scorer", "judge", "--judge", "m"],
            ["preferences", "--min-margin", "11"],
        ]
        for arguments in cases {
            let result = runCLI(arguments + ["--db", fixture.path])
            #expect(result.status == 64, "\(arguments): \(result.stderr)")
        }
    }
}
