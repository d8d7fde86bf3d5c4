@testable import Commands
import Foundation
import Store
import Testing
import TestSupport

/// `preferences` and `export --format trl-kto` read each answer's latest score with a subquery per example row:
/// it must go through the `scores_subject` index (instruction_id, completion_id, scorer, id) rather than scan
/// `scores`, else the read is quadratic (a 117K-answer database took 8 minutes to export as trl-kto).
@Suite struct PreferenceSourcePlanTests {
    @Test func theLatestScoreLookupUsesTheSubjectIndex() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("plan.db")
        let file = dir.file("a.json")
        try Data(#"[{"instruction": "Name a prime.", "input": "", "output": "7"}]"#.utf8).write(to: URL(fileURLWithPath: file))
        #expect(runCLI(["import", "--db", db, file]).status == 0)
        let source = PreferenceSource(scorer: "heuristic", condition: nil)
        let plan = try Database(path: db).query("EXPLAIN QUERY PLAN " + source.sql, source.arguments)
            .map { "\($0.values)" }.joined(separator: "\n")
        #expect(plan.contains("scores_subject"), "\(plan)")
        #expect(!plan.contains("SCAN s"), "\(plan)")
    }
}
