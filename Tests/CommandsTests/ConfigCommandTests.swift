import Commands
import Foundation
import Testing
import TestSupport

@Suite struct ConfigCommandTests {
    @Test func priceOverridesDefaultsAndShows() throws {
        let dir = TemporaryDirectory()
        let db = dir.file("c.db")
        #expect(runCLI(["init", "--db", db]).status == 0)
        let set = runCLI(["config", "--db", db, "price", "Qwen-Plus", "0.5", "1.5"])
        #expect(set.status == 0, "\(set.stderr)")
        let shown = runCLI(["config", "--db", db, "show", "--json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any])
        let prices = try #require(object["prices"] as? [String: [String: Any]])
        #expect(prices["qwen-plus"]?["input_per_1m"] as? Double == 0.5)
        #expect(prices["qwen-plus"]?["source"] as? String == "user")
        #expect(prices["gpt-4o-mini"]?["source"] as? String == "default")
        let table = runCLI(["config", "--db", db, "show"]).stdout
        #expect(table.contains("qwen-plus"))
        #expect(table.contains("user"))
        #expect(runCLI(["config", "--db", db, "price", "m", "cheap", "1"]).status == 64)
        #expect(runCLI(["config", "--db", db, "price", "m", "1"]).status == 64)
        #expect(runCLI(["config", "--db", db, "frobnicate"]).status == 64)
    }
}
