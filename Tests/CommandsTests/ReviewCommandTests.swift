import Commands
import Foundation
import Store
import Testing
import TestSupport

/// `dsbench review` driven through a pseudo-terminal with keystrokes, and `review --stats`.
@Suite(.serialized) struct ReviewCommandTests {
    /// The subject ("instruction/completion") on the screen drawn last.
    func currentSubject(_ terminal: PseudoTerminal) -> String? {
        let text = String(decoding: terminal.output, as: UTF8.self)
        guard let range = text.range(of: " · #", options: .backwards) else { return nil }
        return String(text[range.upperBound...].prefix { $0 != " " })
    }

    /// An editor that replaces the file with a fixed answer, as a person would in vi.
    func editor(in directory: TemporaryDirectory, writing text: String) throws -> String {
        let path = try directory.write("editor.sh", "#!/bin/sh\nprintf '%s\\n' '\(text)' > \"$1\"\n")
        chmod(path, 0o755)
        return path
    }

    /// An interactive editor (vi, nano) reads the terminal: it must run in the terminal's foreground process
    /// group, dsbench's own, or its first read fails (EIO/SIGTTIN) and it exits 1. Found in the t3 trial with vi
    /// under tmux. This editor writes whether its process group is the one dsbench runs in.
    @Test func editorRunsInTheForegroundProcessGroup() throws {
        let fixture = try ReviewFixture()
        let script = """
            #!/bin/sh
            me=$(ps -o pgid= -p $$ | tr -d ' ')
            p=$$
            while [ "$p" -gt 1 ]; do
              [ "$(ps -o comm= -p $p)" = dsbench ] && break
              p=$(ps -o ppid= -p $p | tr -d ' ')
            done
            top=$(ps -o pgid= -p $p | tr -d ' ')
            if [ "$me" = "$top" ]; then echo "pgid same" > "$1"; else echo "pgid other" > "$1"; fi

            """
        let path = try fixture.directory.write("editor-pgid.sh", script)
        chmod(path, 0o755)
        let terminal = try PseudoTerminal(["review", "--db", fixture.path, "--reviewer", "tester", "--seed", "5"],
                                          environment: ["EDITOR": path])
        var mark = try terminal.waitFor("review 1/3")
        terminal.send("e")
        mark = try terminal.waitFor("review 2/3", after: mark)
        terminal.send("q")
        #expect(try terminal.waitForExit() == 0)
        let edits = try fixture.open().query("SELECT output FROM completions WHERE origin = 'edited'")
        #expect(edits.map { $0.string("output") } == ["pgid same"])
    }

    @Test func keysStoreAcceptRejectAndEditAndUndoTakesBack() throws {
        let fixture = try ReviewFixture()
        let edited = "叶绿素吸收光能 (edited)"
        let terminal = try PseudoTerminal(
            ["review", "--db", fixture.path, "--reviewer", "tester", "--seed", "5"],
            environment: ["EDITOR": try editor(in: fixture.directory, writing: edited)])
        var mark = try terminal.waitFor("review 1/3")
        let first = try #require(currentSubject(terminal))
        terminal.send("a")
        mark = try terminal.waitFor("review 2/3", after: mark)
        let second = try #require(currentSubject(terminal))
        terminal.send("r")
        mark = try terminal.waitFor("reason", after: mark)
        terminal.send("too vague 太笼统\r")
        mark = try terminal.waitFor("review 3/3", after: mark)
        let third = try #require(currentSubject(terminal))
        terminal.send("e")
        mark = try terminal.waitFor("review finished", after: mark)
        terminal.send("u")   // takes the edit back: the third example is shown again
        mark = try terminal.waitFor("review 3/3", after: mark)
        try terminal.waitFor("undone", after: mark)
        terminal.send("e")
        mark = try terminal.waitFor("review finished", after: mark)
        terminal.send("q")
        #expect(try terminal.waitForExit() == 0)
        #expect(Set([first, second, third]).count == 3)

        let database = try fixture.open()
        let human = try database.query(
            "SELECT instruction_id, completion_id, passed, reason, json_extract(detail, '$.reviewer') AS reviewer FROM verdicts WHERE filter = 'human' ORDER BY id")
        #expect(human.count == 3)
        #expect(human.allSatisfy { $0.string("reviewer") == "tester" })
        #expect("\(human[0].int64("instruction_id"))/\(human[0].int64("completion_id"))" == first && human[0].bool("passed"))
        #expect("\(human[1].int64("instruction_id"))/\(human[1].int64("completion_id"))" == second)
        #expect(!human[1].bool("passed") && human[1].string("reason") == "too vague 太笼统")
        // One edit survives the undo: a new completion pointing at the original, accepted by the person.
        let edits = try database.query("SELECT id, instruction_id, parent_id, output, sample_index FROM completions WHERE origin = 'edited'")
        #expect(edits.count == 1)
        let edit = try #require(edits.first)
        #expect("\(edit.int64("instruction_id"))/\(edit.int64("parent_id"))" == third)
        #expect(edit.string("output") == edited)
        #expect(human[2].int64("completion_id") == edit.int64("id") && human[2].bool("passed"))
        // The examples view counts the decisions and shows the edit in place of the original.
        let parentID = edit.int64("parent_id")
        #expect(try database.scalar("SELECT count(*) FROM examples WHERE completion_id = ?", [.integer(parentID)]).intValue == 0)
        #expect(try database.scalar("SELECT output FROM examples WHERE completion_id = ?", [.integer(edit.int64("id"))]).stringValue == edited)
        let rejected = human[1]
        let verdict = try database.first("SELECT verdict, failed_filters FROM examples WHERE completion_id = ?", [rejected["completion_id"]])
        #expect(verdict?.string("verdict") == "fail" && verdict?.string("failed_filters").contains("human") == true)
        // The run is recorded with what was decided.
        let run = try #require(try database.first("SELECT status, totals FROM runs WHERE command = 'review'"))
        #expect(run.string("status") == "succeeded")
        #expect(run.string("totals").contains("\"accepted\":1") && run.string("totals").contains("\"edited\":1"))
        // Export writes the edited answer, not the original.
        let exported = runCLI(["export", "--db", fixture.path, "--all", "--format", "alpaca"])
        #expect(exported.stdout.contains("叶绿素吸收光能 (edited)"))
        // The screens showed the failed rule with its reason, the scores and the system prompt.
        let screens = terminal.screenLines
        #expect(screens.contains("✗ refusal: refusal near the start"))
        #expect(screens.contains("rules: 1 passed, none failed"))
        #expect(screens.contains("scores: heuristic 2") && screens.contains("scores: heuristic 8.5"))
        #expect(screens.contains("system") && screens.contains("  你是一位耐心的老师。"))
        // Every line drawn fits the 80-column terminal (Chinese counted two columns per character).
        #expect(terminal.screenLines.filter { DisplayWidth.of($0) > 80 } == [])
        #expect(terminal.screenLines.contains { $0.hasPrefix("  光合作用是绿色植物") && DisplayWidth.of($0) >= 78 })
    }

    @Test func quittingKeepsEachDecisionAndTheNextRunShowsOnlyTheRest() throws {
        let fixture = try ReviewFixture()
        let terminal = try PseudoTerminal(["review", "--db", fixture.path, "--reviewer", "tester"])
        var mark = try terminal.waitFor("review 1/3")
        terminal.send("a")
        try terminal.waitFor("review 2/3", after: mark)
        terminal.send("q")
        #expect(try terminal.waitForExit() == 0)
        #expect(try fixture.open().scalar("SELECT count(*) FROM latest_verdicts WHERE filter = 'human'").intValue == 1)
        // The escape sequence in a row was shown as text, never sent to the terminal: the only clears are ours.
        #expect(!String(decoding: terminal.output, as: UTF8.self).contains("</script>\u{1B}"))

        let again = try PseudoTerminal(["review", "--db", fixture.path, "--reviewer", "tester"])
        mark = try again.waitFor("review 1/2")
        again.send("s")   // a skip stores nothing
        mark = try again.waitFor("review 2/2", after: mark)
        again.send("r")
        mark = try again.waitFor("reason", after: mark)
        again.send("\u{1B}")   // Esc cancels the reject
        try again.waitFor("reject cancelled", after: mark)
        again.send("\u{3}")   // Ctrl-C quits cleanly too
        #expect(try again.waitForExit() == 0)
        #expect(try fixture.open().scalar("SELECT count(*) FROM verdicts WHERE filter = 'human'").intValue == 1)

        // --include-reviewed shows decided rows again, with the decision.
        let all = try PseudoTerminal(["review", "--db", fixture.path, "--include-reviewed", "--where",
                                         "instruction_id IN (SELECT instruction_id FROM latest_verdicts WHERE filter = 'human')"])
        try all.waitFor("review 1/1")
        try all.waitFor("decided: accepted")
        all.send("q")
        #expect(try all.waitForExit() == 0)
    }

    @Test func withoutATerminalItExitsWithAHint() throws {
        let fixture = try ReviewFixture()
        let result = runCLI(["review", "--db", fixture.path])
        #expect(result.status == 64)
        #expect(result.stderr.contains("needs an interactive terminal") && result.stderr.contains("ssh -t"))
        let piped = try ProcessResult.run(["review", "--db", fixture.path], stdin: "a\n")
        #expect(piped.status == 64)
        #expect(try fixture.open().scalar("SELECT count(*) FROM verdicts WHERE filter = 'human'").intValue == 0)
        #expect(runCLI(["review", "--db", fixture.path, "--stats", "--sample", "3"]).status == 64)
        #expect(runCLI(["review", "--db", fixture.path, "--reviewer", " "]).status == 64)
    }

    @Test func statsComparePeopleWithTheRules() throws {
        let fixture = try ReviewFixture()
        let database = try fixture.open()
        let run = try RunStore(database).start(command: "review", optionsJSON: "{}")
        let verdicts = VerdictStore(database)
        func decide(_ index: Int, _ passed: Bool, _ reviewer: String) throws {
            try verdicts.insert(.init(instructionID: fixture.instructions[index], completionID: fixture.completions[index],
                                      filter: "human", passed: passed, reason: passed ? "accepted" : "wrong",
                                      detail: "{\"reviewer\":\"\(reviewer)\"}", runID: run))
        }
        // alice accepts the refusal the rule failed (disagrees) and rejects a row the rule passed (disagrees);
        // bob accepts a row the rule passed (agrees).
        try decide(2, true, "alice")
        try decide(1, false, "alice")
        try decide(0, true, "bob")
        let result = runCLI(["review", "--stats", "--db", fixture.path])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }
        let alice = try #require(lines.first { $0.first == "alice" })
        let bob = try #require(lines.first { $0.first == "bob" })
        // reviewer, reviewed, accepted, rejected, edited, rule-checked, agreement, accepted-rule-failed, rejected-rules-passed
        #expect(alice == ["alice", "2", "1", "1", "0", "2", "0.0%", "1", "1"])
        #expect(bob == ["bob", "1", "1", "0", "0", "1", "100.0%", "0", "0"])
        let refusal = try #require(lines.first { $0.first == "refusal" })
        #expect(refusal == ["refusal", "1", "1", "0.0%"])
        // carol edits the answer of a row the rules passed: counted under edited only, and as not accepting the
        // original in the last column, whose header says so.
        try verdicts.insert(.init(instructionID: fixture.instructions[0], completionID: fixture.completions[0],
                                  filter: "human", passed: true, reason: "edited",
                                  detail: "{\"reviewer\":\"carol\",\"edited_from\":\(fixture.completions[0])}", runID: run))
        let withEdit = runCLI(["review", "--stats", "--db", fixture.path]).stdout
        #expect(withEdit.contains("rejected or edited, rules passed"))
        let carol = try #require(withEdit.split(separator: "\n")
            .map { $0.split(separator: " ", omittingEmptySubsequences: true).map(String.init) }.first { $0.first == "carol" })
        #expect(carol == ["carol", "1", "0", "0", "1", "1", "0.0%", "0", "1"])
        let fresh = try ReviewFixture()
        #expect(runCLI(["review", "--stats", "--db", fresh.path]).stdout.contains("no human decisions yet"))
    }
}
