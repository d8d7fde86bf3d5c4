import Foundation
import Testing
@testable import LLM

@Suite struct BatchFilePlanTests {
    func line(_ text: String, model: String = "gpt-4o-mini") -> BatchInputLine {
        let request = LLMRequest.chat(model: model, messages: [.user(text)], parameters: SamplingParameters(maxTokens: 64))
        return BatchInputLine(customID: request.hash(endpointIdentity: "x"), request: request)
    }

    @Test func lineIsTheBatchAPIShapeWithTheHashAsCustomID() throws {
        let input = line("列出三种水果")
        let object = try #require(try JSONSerialization.jsonObject(with: input.jsonLine()) as? [String: Any])
        #expect(object["custom_id"] as? String == input.customID)
        #expect(object["method"] as? String == "POST")
        #expect(object["url"] as? String == "/v1/chat/completions")
        let body = try #require(object["body"] as? [String: Any])
        #expect(body["model"] as? String == "gpt-4o-mini")
        #expect(body["max_tokens"] as? Int == 64)
        let prompt = BatchInputLine(customID: "c", request: .completion(model: "m", prompt: "p"))
        #expect(prompt.url == "/v1/completions")
    }

    @Test func sameRequestTwiceIsSentOnceAndModelsGetTheirOwnFiles() {
        let plan = BatchFilePlan(
            [line("a"), line("b"), line("a"), line("c", model: "gpt-4o"), line("d")], limits: .openAI)
        #expect(plan.duplicates == 1)
        #expect(plan.files.map(\.model) == ["gpt-4o-mini", "gpt-4o"])
        #expect(plan.files[0].lines.count == 3)
        #expect(plan.files.filter { Set($0.lines.map(\.customID)).count != $0.lines.count }.isEmpty)
        // The data is exactly the lines, newline-terminated.
        let text = String(decoding: plan.files[0].data, as: UTF8.self)
        #expect(text.split(separator: "\n").count == 3 && text.hasSuffix("\n"))
    }

    @Test func splitsByRequestCountAndBytesAndSetsAsideOversizedLines() {
        let lines = (0..<10).map { line("question \($0)") }
        let byCount = BatchFilePlan(lines, limits: BatchLimits(provider: "t", maxRequestsPerFile: 4, maxBytesPerFile: 1_000_000))
        #expect(byCount.files.map(\.lines.count) == [4, 4, 2])
        let size = lines[0].jsonLine().count + 1
        let byBytes = BatchFilePlan(lines, limits: BatchLimits(provider: "t", maxRequestsPerFile: 100, maxBytesPerFile: size * 3 + 2))
        #expect(byBytes.files.map(\.lines.count) == [3, 3, 3, 1])
        #expect(byBytes.files.filter { $0.data.count > size * 3 + 2 }.isEmpty)
        let huge = line(String(repeating: "长", count: 300))
        let perLine = BatchLimits(provider: "t", maxRequestsPerFile: 100, maxBytesPerFile: 1_000_000, maxBytesPerLine: 600)
        let withBigLine = BatchFilePlan([huge, line("small")], limits: perLine)
        #expect(withBigLine.oversized.map(\.customID) == [huge.customID])  // 900+ bytes > 600 a line
        #expect(withBigLine.files.map(\.lines.count) == [1])
        #expect(BatchLimits.dashScope.maxBytesPerLine == 6_000_000 && BatchLimits.openAI.maxBytesPerLine == nil)
        #expect(BatchLimits.forHost("dashscope.aliyuncs.com") == .dashScope)
        #expect(BatchLimits.forHost("api.openai.com") == .openAI)
    }
}

@Suite struct BatchResultLineTests {
    @Test func readsOutputAndErrorLinesInAnyOrder() {
        let file = """
            {"id":"b2","custom_id":"h2","response":{"status_code":200,"body":{"choices":[{"index":0,"message":{"role":"assistant","content":"二"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1}}},"error":null}
            {"id":"b1","custom_id":"h1","response":{"status_code":200,"body":{"choices":[{"index":0,"message":{"role":"assistant","content":"one"},"finish_reason":"stop"}]}},"error":null}
            {"id":"b3","custom_id":"h3","response":{"status_code":400,"body":{"error":{"message":"context too long"}}},"error":null}
            {"id":"b4","custom_id":"h4","response":null,"error":{"code":"batch_expired","message":"not executed"}}
            not json

            """
        let (lines, invalid) = BatchResultLine.parse(Data(file.utf8))
        #expect(invalid == [5])
        let byID = Dictionary(uniqueKeysWithValues: lines.map { ($0.customID, $0) })
        #expect(byID["h1"]?.answered == true && byID["h2"]?.answered == true)
        #expect(byID["h2"]?.body?.contains("二") == true)
        #expect(byID["h3"]?.answered == false)
        #expect(byID["h3"]?.error == "HTTP 400: context too long")
        #expect(byID["h4"]?.expired == true)
        #expect(byID["h4"]?.error?.hasPrefix("batch_expired") == true)
    }

    @Test func batchObjectTreatsEmptyFileIDsAsNone() throws {
        let job = try #require(BatchJob(json: [
            "id": "batch_1", "status": "completed", "input_file_id": "file-1", "output_file_id": NSNull(),
            "error_file_id": "", "request_counts": ["total": 2, "completed": 0, "failed": 2],
            "metadata": ["dsbench_key": "k"],
        ]))
        #expect(job.outputFileID == nil && job.errorFileID == nil)
        #expect(job.state == .completed && job.state.isTerminal)
        #expect(job.failed == 2 && job.key == "k")
        let failed = try #require(BatchJob(json: [
            "id": "batch_2", "status": "failed", "errors": ["data": [["code": "token_limit_exceeded", "message": "too many tokens"]]],
        ]))
        #expect(failed.errors == "token_limit_exceeded: too many tokens")
        #expect(BatchJob(json: ["id": "x", "status": "preparing"]) == nil)
    }
}
