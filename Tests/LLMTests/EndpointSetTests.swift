import Testing
@testable import LLM

@Suite struct EndpointSetTests {
    @Test func commaSeparatedFlagOrEnvironmentGivesSeveralEndpoints() throws {
        let set = try EndpointSet.resolve(
            baseURL: "http://127.0.0.1:8001/v1, http://127.0.0.1:8002/v1,", model: "m", environment: [:])
        #expect(set.members.map(\.configuration.host) == ["127.0.0.1:8001", "127.0.0.1:8002"])
        let fromEnvironment = try EndpointSet.resolve(
            baseURL: nil, model: "m", environment: ["OPENAI_BASE_URL": "http://localhost:1/v1,http://localhost:2/v1"])
        #expect(fromEnvironment.members.count == 2)
        #expect(fromEnvironment.hosts == "localhost:1,localhost:2")
    }

    @Test func settingGivesModelKeyVariableAndWeightPerEndpoint() throws {
        let specs = try EndpointSpec.list(settingJSON: """
            [{"url": "http://127.0.0.1:8001/v1", "model": "qwen-a", "weight": 3},
             {"url": "https://gpu.example/v1", "key_env": "GPU_KEY"}]
            """)
        let set = try EndpointSet.resolve(
            baseURL: nil, model: "fallback", environment: ["GPU_KEY": "sk-gpu"], setting: specs)
        #expect(set.members[0].configuration.model == "qwen-a")
        #expect(set.members[0].weight == 3)
        #expect(set.members[1].configuration.model == "fallback")
        #expect(set.members[1].configuration.apiKey == "sk-gpu")
        #expect(!set.description.contains("sk-gpu"))
        // The flag wins over the setting.
        let flagged = try EndpointSet.resolve(baseURL: "http://127.0.0.1:9/v1", model: "m", environment: [:], setting: specs)
        #expect(flagged.members.count == 1)
    }

    @Test func badSettingsNameTheEntryAndField() {
        func message(_ json: String) -> String {
            do {
                _ = try EndpointSpec.list(settingJSON: json)
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(message("{}").contains("expected a JSON array"))
        #expect(message(#"[{"url": "http://a/v1"}, {"model": "x"}]"#) == "setting 'endpoints', entry 2, field 'url': required, a base URL such as http://localhost:8000/v1")
        #expect(message(#"[{"url": "http://a/v1", "weight": 0}]"#).contains("entry 1, field 'weight'"))
        #expect(message(#"[{"url": "http://a/v1", "key_env": "sk-abc123"}]"#).contains("field 'key_env'"))
        #expect(message(#"[{"url": "http://a/v1", "wieght": 2}]"#).contains("field 'wieght': unknown field"))
    }

    @Test func missingKeyVariableIsNamedNeverGuessed() {
        let specs = [EndpointSpec(url: "https://gpu.example/v1", keyVariable: "GPU_KEY")]
        #expect(throws: EndpointSetError.missingKeyVariable(url: "https://gpu.example/v1", variable: "GPU_KEY")) {
            try EndpointSet.resolve(baseURL: nil, model: "m", environment: ["OPENAI_API_KEY": "sk-other"], setting: specs)
        }
    }

    @Test func hashIgnoresWhichEndpointAnswersUnlessModelsDiffer() throws {
        let request = LLMRequest.chat(model: "m", messages: [.user("你好")])
        let one = try EndpointSet.resolve(baseURL: "http://127.0.0.1:8001/v1", model: "m", environment: [:])
        let pair = try EndpointSet.resolve(baseURL: "http://127.0.0.1:8001/v1,http://127.0.0.1:8002/v1", model: "m", environment: [:])
        let otherPair = try EndpointSet.resolve(baseURL: "http://127.0.0.1:8003/v1,http://127.0.0.1:8004/v1", model: "m", environment: [:])
        // A single endpoint hashes as a plain client does, so existing ledgers keep answering.
        #expect(request.hash(endpointIdentity: one.hashIdentity) == request.hash(endpointIdentity: one.primary.identity))
        #expect(request.hash(endpointIdentity: pair.hashIdentity) == request.hash(endpointIdentity: otherPair.hashIdentity))
        let mixed = try EndpointSet.resolve(
            baseURL: nil, model: "m", environment: [:],
            setting: [EndpointSpec(url: "http://127.0.0.1:8001/v1", model: "a"), EndpointSpec(url: "http://127.0.0.1:8002/v1", model: "b")])
        #expect(mixed.servesSeveralModels)
        #expect(request.hash(endpointIdentity: mixed.hashIdentity) != request.hash(endpointIdentity: pair.hashIdentity))
    }
}
