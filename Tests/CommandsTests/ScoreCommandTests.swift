import Foundation
import Store
import Testing
import TestSupport

@Suite struct ScoreCommandTests {
    @Test func heuristicScoresEveryExample() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let result = runCLI(["score", "--db", db])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try scalar(db, "SELECT count(*) FROM scores WHERE scorer = 'heuristic'") == "7")
        #expect(try scalar(db, "SELECT count(*) FROM scores WHERE value < 0 OR value > 10") == "0")
        let refusal = Double(try scalar(db, "SELECT value FROM scores s JOIN completions c ON c.id = s.completion_id WHERE c.output LIKE '%cannot draw%'"))!
        let good = Double(try scalar(db, "SELECT best_score FROM examples WHERE instruction_id = 1"))!
        #expect(refusal < good)
        #expect(try scalar(db, "SELECT json_extract(detail, '$.completeness') FROM scores s JOIN completions c ON c.id = s.completion_id WHERE c.output LIKE '%cannot draw%'") == "0")
        #expect(runCLI(["score", "--db", db, "--where", "language = 'zh'"]).status == 0)
        #expect(try scalar(db, "SELECT count(*) FROM scores") == "9")
        #expect(runCLI(["score", "--db", db, "--model", "m"]).status == 64)
    }
}
