import LLM
import Testing
@testable import Synthesis

@Suite("Evol request factory")
struct EvolRequestFactoryTests {
    let factory = EvolutionRequestFactory(model: "qwen-plus")

    @Test("requests are deterministic per evolution and differ across strategies and seeds")
    func deterministic() {
        let a = factory.evolveRequest(instruction: "Sort the list.", input: "[3, 1]", strategy: .deepen, seed: 11)
        #expect(a == factory.evolveRequest(instruction: "Sort the list.", input: "[3, 1]", strategy: .deepen, seed: 11))
        #expect(a.hash(endpointIdentity: "x") == factory.evolveRequest(
            instruction: "Sort the list.", input: "[3, 1]", strategy: .deepen, seed: 11).hash(endpointIdentity: "x"))
        #expect(a != factory.evolveRequest(instruction: "Sort the list.", input: "[3, 1]", strategy: .breadth, seed: 11))
        #expect(a != factory.evolveRequest(instruction: "Sort the list.", input: "[3, 1]", strategy: .deepen, seed: 12))
        #expect(a.parameters.seed == 11)
        #expect(EvolutionRequestFactory.wireSeed(UInt64.max) < Int(Int32.max))
    }

    @Test("Chinese instructions get the Chinese template and judge prompt")
    func chinese() {
        let evolve = factory.evolveRequest(instruction: "写一首关于秋天的诗。", input: "", strategy: .constraints, seed: 1)
        guard case .chat(let messages) = evolve.body else { Issue.record("expected chat"); return }
        #expect(messages.count == 1 && messages[0].role == "user" && messages[0].content.contains("#原始指令#"))
        let gain = factory.gainRequest(parent: "写一首诗。", evolved: "写一首七言绝句。", seed: 1)
        guard case .chat(let judge) = gain.body else { Issue.record("expected chat"); return }
        #expect(judge[0].content.contains("相同") && gain.parameters.temperature == 0)
    }

    @Test("the answer request carries the instruction and its input")
    func answer() {
        let request = factory.answerRequest(instruction: "Summarise:", input: "A long text.", seed: 2)
        guard case .chat(let messages) = request.body else { Issue.record("expected chat"); return }
        #expect(messages[0].content == "Summarise:\n\nA long text.")
        #expect(request.parameters.topP == nil)
        let nucleus = EvolutionRequestFactory(model: "qwen-plus", answerTopP: 0.9)
        #expect(nucleus.answerRequest(instruction: "Summarise:", input: "", seed: 2).parameters.topP == 0.9)
        #expect(nucleus.evolveRequest(instruction: "Summarise:", input: "", strategy: .deepen, seed: 2).parameters.topP == nil)
    }
}
