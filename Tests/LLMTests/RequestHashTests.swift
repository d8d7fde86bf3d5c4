import Foundation
import Testing
@testable import LLM

@Suite struct RequestHashTests {
    let request = LLMRequest.chat(
        model: "qwen-plus", messages: [.system("be brief"), .user("列出三种水果")],
        parameters: SamplingParameters(temperature: 0.7, topP: 0.9, maxTokens: 128, seed: 3))

    @Test func stableAndSensitiveToEveryPart() {
        let base = request.hash(endpointIdentity: "http://127.0.0.1:8000/v1")
        #expect(base.count == 64)
        #expect(base == request.hash(endpointIdentity: "http://127.0.0.1:8000/v1"))
        #expect(base != request.hash(endpointIdentity: "http://127.0.0.1:8001/v1"))
        var other = request
        other.parameters.seed = 4
        #expect(other.hash(endpointIdentity: "http://127.0.0.1:8000/v1") != base)
        other = request
        other.model = "qwen-max"
        #expect(other.hash(endpointIdentity: "http://127.0.0.1:8000/v1") != base)
        let prompt = LLMRequest.completion(model: "qwen-plus", prompt: "列出三种水果", parameters: request.parameters)
        #expect(prompt.hash(endpointIdentity: "http://127.0.0.1:8000/v1") != base)
    }

    @Test func keyIsNotPartOfHashOrIdentity() throws {
        let url = try #require(URL(string: "http://127.0.0.1:9/v1"))
        let withKey = EndpointConfiguration(baseURL: url, apiKey: "sk-secret", model: "m")
        let withoutKey = EndpointConfiguration(baseURL: url, apiKey: nil, model: "m")
        #expect(request.hash(endpointIdentity: withKey.identity) == request.hash(endpointIdentity: withoutKey.identity))
        #expect(!withKey.description.contains("sk-secret"))
        #expect(!withKey.identity.contains("sk-secret"))
    }

    @Test func jsonBodyHasSortedKeysAndOmitsUnsetParameters() throws {
        let body = LLMRequest.chat(model: "m", messages: [.user("hi")], parameters: SamplingParameters(maxTokens: 5))
            .jsonString()
        #expect(body == #"{"max_tokens":5,"messages":[{"content":"hi","role":"user"}],"model":"m"}"#)
    }
}
