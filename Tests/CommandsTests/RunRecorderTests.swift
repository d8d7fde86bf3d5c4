@testable import Commands
import Foundation
import Testing

@Suite struct RunRecorderTests {
    @Test func optionsJSONKeepsCountsButDropsSecretsAndURLCredentials() throws {
        let configuration = CommandConfiguration(
            name: "demo", abstract: "demo",
            arguments: [ArgumentSpec("file", help: "a file", optional: true)],
            options: [
                .option("--max-tokens", value: "n", help: ""), .option("--api-key", value: "k", help: ""),
                .option("--auth-token", value: "t", help: ""), .option("--base-url", value: "url", help: ""),
                .flag("--json", help: ""),
            ],
            examples: ["dsbench demo"])
        let parsed = try ArgumentParser(configuration: configuration).parse([
            "--max-tokens", "512", "--api-key", "sk-secret", "--auth-token", "abc",
            "--base-url", "https://user:pass@llm.example.com/v1", "--json", "in.jsonl", "--db", "x.db",
        ])
        let json = RunRecorder.optionsJSON(parsed)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["max-tokens"] as? String == "512")
        #expect(object["api-key"] == nil)
        #expect(object["auth-token"] == nil)
        #expect(object["base-url"] as? String == "https://llm.example.com/v1")
        #expect(object["json"] as? Bool == true)
        #expect(object["arguments"] as? [String] == ["in.jsonl"])
        #expect(object["db"] == nil)
        #expect(!json.contains("sk-secret") && !json.contains("pass"))
    }
}
