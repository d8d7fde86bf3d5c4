import Foundation
import Testing
@testable import LLM

@Suite struct ResponseParserTests {
    func parse(_ text: String) -> Result<LLMResponse, LLMFailure> { ResponseParser.parse(Data(text.utf8)) }

    @Test func chatWithExtraFieldsAndUsage() throws {
        let result = parse(#"""
            {"id":"x","object":"chat.completion","model":"qwen-plus","service_tier":"default","choices":[
             {"index":1,"message":{"role":"assistant","content":"second","refusal":null},"finish_reason":"length"},
             {"index":0,"message":{"role":"assistant","content":"first"},"finish_reason":"stop","logprobs":null}],
             "usage":{"prompt_tokens":12,"completion_tokens":5,"total_tokens":17,"prompt_tokens_details":{}}}
            """#)
        let response = try result.get()
        #expect(response.choices.map(\.text) == ["first", "second"])
        #expect(response.finishReason == "stop")
        #expect(response.choices[1].wasTruncated)
        #expect(response.usage == TokenUsage(promptTokens: 12, completionTokens: 5))
        #expect(response.model == "qwen-plus")
    }

    @Test func textCompletionWithoutUsage() throws {
        let response = try parse(#"{"choices":[{"text":"1. a\n2. b","finish_reason":null}]}"#).get()
        #expect(response.content == "1. a\n2. b")
        #expect(response.finishReason == nil)
        #expect(response.usage == nil)
    }

    @Test func unusableBodiesAreTypedFailures() {
        for body in ["", "not json", #"{"choices":[{"message":{"content":"cut"#, #"{"id":"x","usage":{}}"#,
            #"{"choices":[]}"#, #"[1,2]"#, #"{"choices":[{"index":0}]}"#, #"{"error":{"message":"model overloaded"}}"#]
        {
            guard case .failure(.badResponse(let message)) = parse(body) else {
                Issue.record("expected badResponse for \(body)")
                continue
            }
            #expect(!message.isEmpty)
        }
        #expect(ResponseParser.errorMessage(fromBody: Data(#"{"error":{"message":"bad model"}}"#.utf8)) == "bad model")
    }
}
