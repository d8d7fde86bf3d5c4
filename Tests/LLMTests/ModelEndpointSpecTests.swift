import Testing
@testable import LLM

@Suite struct ModelEndpointSpecTests {
    @Test func parsesProvidersURLsAndBareNames() throws {
        let specs = try ModelEndpointSpec.list("qwen-plus@dashscope, llama3@http://localhost:11434/v1,gpt-4o-mini@openai,local")
        #expect(specs == [
            ModelEndpointSpec(model: "qwen-plus", target: .dashScope),
            ModelEndpointSpec(model: "llama3", target: .url("http://localhost:11434/v1")),
            ModelEndpointSpec(model: "gpt-4o-mini", target: .openAI),
            ModelEndpointSpec(model: "local"),
        ])
    }

    @Test func refusesBadItemsNamingThem() {
        #expect(throws: ModelEndpointSpecError.emptyItem) { try ModelEndpointSpec.list("a,,b") }
        #expect(throws: ModelEndpointSpecError.repeatedModel("a")) { try ModelEndpointSpec.list("a,a@openai") }
        #expect(throws: ModelEndpointSpecError.self) { try ModelEndpointSpec.list("@openai") }
        do {
            _ = try ModelEndpointSpec.list("m@ftp://x")
            Issue.record("accepted ftp")
        } catch {
            #expect(error.description.contains("'m@ftp://x'"))
        }
    }

    @Test func resolvesKeysFromTheEnvironmentPerProvider() throws {
        let environment = ["DASHSCOPE_API_KEY": "ds-key", "OPENAI_API_KEY": "oa-key"]
        let dash = try ModelEndpointSpec(model: "qwen-plus", target: .dashScope).resolve(commandBaseURL: nil, environment: environment)
        #expect(dash.host == "dashscope.aliyuncs.com" && dash.apiKey == "ds-key" && dash.model == "qwen-plus")
        let open = try ModelEndpointSpec(model: "gpt-4o", target: .openAI).resolve(commandBaseURL: nil, environment: environment)
        #expect(open.host == "api.openai.com" && open.apiKey == "oa-key")
        let local = try ModelEndpointSpec(model: "llama3", target: .url("http://127.0.0.1:11434/v1")).resolve(commandBaseURL: nil, environment: [:])
        #expect(local.host == "127.0.0.1:11434" && local.apiKey == nil && local.model == "llama3")
        let bare = try ModelEndpointSpec(model: "m2").resolve(commandBaseURL: "http://localhost:8000/v1", environment: [:])
        #expect(bare.host == "localhost:8000" && bare.model == "m2")
        #expect(throws: EndpointConfigurationError.missingKey(host: "dashscope.aliyuncs.com")) {
            try ModelEndpointSpec(model: "qwen-plus", target: .dashScope).resolve(commandBaseURL: nil, environment: [:])
        }
        #expect(!dash.description.contains("ds-key"))
    }
}
