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
}
