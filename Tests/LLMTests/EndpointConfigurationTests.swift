import Testing
@testable import LLM

@Suite struct EndpointConfigurationTests {
    @Test func flagBeatsEnvironmentAndLocalNeedsNoKey() throws {
        let config = try EndpointConfiguration.resolve(
            baseURL: "http://localhost:11434/v1/", model: "qwen2.5:7b",
            environment: ["OPENAI_BASE_URL": "http://localhost:8000/v1"])
        #expect(config.baseURL.absoluteString == "http://localhost:11434/v1")
        #expect(config.apiKey == nil)
        #expect(config.host == "localhost:11434")
        #expect(config.url(path: "chat/completions").absoluteString == "http://localhost:11434/v1/chat/completions")
    }

    @Test func dashScopeKeyPicksDashScopeAndQwenPlus() throws {
        let config = try EndpointConfiguration.resolve(baseURL: nil, model: nil, environment: ["QWEN_API_KEY": "k"])
        #expect(config.baseURL.absoluteString == EndpointConfiguration.dashScopeBaseURL)
        #expect(config.apiKey == "k")
        #expect(config.model == "qwen-plus")
        let env = try EndpointConfiguration.resolve(
            baseURL: nil, model: nil, environment: ["DASHSCOPE_API_KEY": "d", "DSBENCH_MODEL": "qwen-max"])
        #expect(env.model == "qwen-max")
    }

    @Test func openAIKeyPicksOpenAI() throws {
        let config = try EndpointConfiguration.resolve(
            baseURL: nil, model: nil, environment: ["OPENAI_API_KEY": "o", "DASHSCOPE_API_KEY": "d"])
        #expect(config.host == "api.openai.com")
        #expect(config.apiKey == "o")
        #expect(config.model == "gpt-4o-mini")
    }

    @Test func missingPiecesGiveOneClearMessage() {
        #expect(throws: EndpointConfigurationError.missingEndpoint) {
            try EndpointConfiguration.resolve(baseURL: nil, model: nil, environment: [:])
        }
        let message = EndpointConfigurationError.missingEndpoint.description
        for needle in ["OPENAI_API_KEY", "OPENAI_BASE_URL", "DASHSCOPE_API_KEY", "QWEN_API_KEY", "localhost:11434",
            "localhost:8000", "localhost:8080", "localhost:1234", "DSBENCH_MODEL"]
        {
            #expect(message.contains(needle), "message lacks \(needle)")
        }
        #expect(throws: EndpointConfigurationError.missingKey(host: "example.com")) {
            try EndpointConfiguration.resolve(baseURL: "https://example.com/v1", model: "m", environment: [:])
        }
        #expect(throws: EndpointConfigurationError.missingModel(host: "127.0.0.1")) {
            try EndpointConfiguration.resolve(baseURL: "http://127.0.0.1:8000/v1", model: nil, environment: [:])
        }
        #expect(throws: EndpointConfigurationError.invalidBaseURL("localhost:8000")) {
            try EndpointConfiguration.resolve(baseURL: "localhost:8000", model: "m", environment: [:])
        }
    }
}
