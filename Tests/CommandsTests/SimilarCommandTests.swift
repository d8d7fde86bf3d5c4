import Foundation
import Testing
import TestSupport

@Suite struct SimilarCommandTests {
    @Test func topMatchesByRougeL() throws {
        let dir = TemporaryDirectory()
        let db = try curationFixture(dir)
        let result = runCLI(["similar", "--db", db, "--top", "2", "--json", "give three tips for staying healthy"])
        #expect(result.status == 0, "\(result.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        let matches = object["matches"] as! [[String: Any]]
        #expect(matches.count == 2)
        #expect(matches[0]["instruction_id"] as? Int == 1)
        #expect(matches[0]["fmeasure"] as? Double == 1.0)
        let zh = runCLI(["similar", "--db", db, "--top", "1", "写一首关于海的诗"])
        #expect(zh.stdout.contains("写一首关于大海的诗"))
        let queries = try dir.write("q.txt", "Draw a cat\n\nList fruits\n")
        let many = runCLI(["similar", "--db", db, "--file", queries, "--top", "1", "--json"])
        #expect(many.stdout.split(separator: "\n").count == 2)
        #expect(runCLI(["similar", "--db", db]).status == 64)
    }
}
