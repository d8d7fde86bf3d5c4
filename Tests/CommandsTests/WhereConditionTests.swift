@testable import Commands
import Foundation
import Store
import Testing
import TestSupport

/// One `--where` for every command that selects rows: the same mistake gives the same message and exit 64,
/// and a `;` inside a string literal is part of the condition, not a second statement.
@Suite struct WhereConditionTests {
    /// Every command taking `--where`, with the options it needs to get as far as selecting rows (the model
    /// commands run as dry runs against a placeholder endpoint; nothing is sent).
    static let commands: [[String]] = [
        ["filter"],
        ["score"],
        ["score", "--scorer", "judge", "--dry-run", "--model", "m"],
        ["export", "-o", "out.jsonl"],
        ["complete", "--dry-run", "--model", "m"],
        ["evolve", "--backend", "rules"],
        ["evolve", "--dry-run", "--model", "m"],
        ["dedup"],
    ]

    @Test(arguments: commands)
    func anInvalidConditionIsAUsageErrorWithOneMessage(command: [String]) throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let result = runCLI(command + ["--db", db, "--where", "no_such_column = 1"], directory: dir.path)
        #expect(result.status == 64, "\(command): \(result.stderr)")
        let firstLine = result.stderr.split(separator: "\n").first.map(String.init) ?? ""
        #expect(firstLine == "Error: --where is not a valid condition on the examples view: no such column: no_such_column")
    }

    @Test(arguments: commands)
    func aSecondStatementIsRefusedAndNothingChanges(command: [String]) throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let before = try scalar(db, "SELECT count(*) FROM instructions")
        let result = runCLI(command + ["--db", db, "--where", "1); DELETE FROM verdicts; --"], directory: dir.path)
        #expect(result.status == 64, "\(command): \(result.stderr)")
        #expect(result.stderr.contains("more than one SQL statement"), "\(result.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM instructions") == before)
    }

    /// Before the fix, complete and evolve refused any condition containing ';', which the others accepted.
    @Test(arguments: commands)
    func aSemicolonInsideALiteralIsAccepted(command: [String]) throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let result = runCLI(command + ["--db", db, "--where", "instruction like '%;%' or 1 = 1"], directory: dir.path)
        #expect(result.status == 0, "\(command): \(result.stderr)")
    }

    @Test func blankConditionsMeanNoCondition() {
        #expect(WhereCondition("  ") == nil)
        #expect(WhereCondition(nil) == nil)
        #expect(WhereCondition(" language = 'zh' ")?.sql == "(language = 'zh')")
    }

    /// The issue's own example: a condition matching instructions that contain ';'.
    @Test func completeAndEvolveSelectInstructionsContainingASemicolon() throws {
        let dir = TemporaryDirectory()
        let db = try LLMCommandFixtures.database(
            in: dir, seeds: ["List three fruits; then sort them.", "Name a river.", "写一首诗；要押韵。"], origin: .imported)
        let complete = runCLI(["complete", "--db", db, "--where", "instruction like '%;%' ", "--dry-run", "--model", "m", "--json"])
        #expect(complete.status == 0, "\(complete.stderr)")
        let estimate = try #require(try JSONSerialization.jsonObject(with: Data(complete.stdout.utf8)) as? [String: Any])
        #expect(estimate["instructions"] as? Int == 1 && estimate["calls"] as? Int == 1)
        let evolve = runCLI(["evolve", "--db", db, "--backend", "rules", "--where", "instruction like '%;%' "])
        #expect(evolve.status == 0, "\(evolve.stderr)")
        #expect(try scalar(db, "SELECT group_concat(p.instruction) FROM instructions c JOIN instructions p ON p.id = c.parent_id") == "List three fruits; then sort them.")
    }
}
