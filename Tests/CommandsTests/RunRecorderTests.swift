@testable import Commands
import Foundation
import Testing

@Suite struct RunRecorderTests {
    @Test func aPidReusedByALaterProcessDoesNotKeepARunAlive() throws {
        let me = ProcessInfo.processInfo.processIdentifier
        let started = try #require(ProcessStartTime.of(me))
        #expect(started <= Date() && started > Date().addingTimeInterval(-24 * 3600))
        let format = RunRecorder.runStartFormat
        // A run opened after this process started is this process's own: alive.
        #expect(RunRecorder.isAlive(me, startedAt: format.string(from: Date())))
        // A run opened an hour before this process existed belonged to another process that had this pid.
        #expect(!RunRecorder.isAlive(me, startedAt: format.string(from: started.addingTimeInterval(-3600))))
        // No such process at all.
        #expect(!RunRecorder.isAlive(Int32.max - 1, startedAt: format.string(from: Date())))
    }

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
