import LLM
import Synthesis

/// Builds Magpie's requests for a sample: the raw query prompt (template up to the user header) and the answer
/// (raw template continued after the assistant header, or a chat request). Seeds depend on the sample index
/// and turn only, so the same sample always sends the same bytes.
struct MagpieRequestFactory {
    let template: ChatTemplate
    let system: String?
    let model: String
    let wire: LLMRequest.Wire
    let carriesBOS: Bool
    let answerMode: MagpieSettings.AnswerMode
    let llm: LLMOptions
    let queryMaxTokens: Int

    /// Stop strings for a query: the template's, plus the bare role word that remains when a server strips the
    /// special tokens of a missed end of turn (only for templates whose assistant header says "assistant").
    var queryStops: [String] {
        var stops = template.stopStrings
        if template.assistantHeader.contains("assistant") { stops += ["assistant", "Assistant"] }
        return stops
    }

    /// What the query and answer requests send, read from the requests of the first sample, for `runs.options`.
    var sampling: EffectiveSampling {
        let base = llm.seed ?? 0
        return EffectiveSampling()
            .adding("query", query(MagpieRun.Sample(index: 0)).parameters, baseSeed: base)
            .adding("answer", answer(MagpieRun.Sample(index: 0, query: "")).parameters, baseSeed: base)
    }

    private func seed(_ sample: MagpieRun.Sample, answer: Bool) -> Int {
        (llm.seed ?? 0) &+ sample.index &* 16 &+ sample.history.count &* 2 &+ (answer ? 1 : 0)
    }

    private func raw(_ prompt: String, _ parameters: SamplingParameters) -> LLMRequest {
        var parameters = parameters
        parameters.stopTokenIDs = wire == .openAI ? template.stopTokenIDs : nil
        if wire == .openAI, carriesBOS, !template.bos.isEmpty { parameters.addSpecialTokens = false }
        return LLMRequest(model: model, body: .prompt(prompt), parameters: parameters, wire: wire)
    }

    func query(_ sample: MagpieRun.Sample) -> LLMRequest {
        let prompt = template.queryPrompt(system: system, history: sample.history, includeBOS: carriesBOS)
        let parameters = SamplingParameters(
            temperature: llm.temperature ?? template.queryTemperature, topP: llm.topP ?? 1.0, maxTokens: queryMaxTokens,
            seed: seed(sample, answer: false), stop: queryStops)
        return raw(prompt, parameters)
    }

    func answer(_ sample: MagpieRun.Sample) -> LLMRequest {
        let user = sample.query ?? ""
        var parameters = SamplingParameters(
            temperature: llm.temperature.map { min($0, template.answerTemperature) } ?? template.answerTemperature,
            topP: llm.topP, maxTokens: llm.maxTokens ?? 2048, seed: seed(sample, answer: true))
        switch answerMode {
        case .raw:
            parameters.stop = template.answerStopStrings
            return raw(template.answerPrompt(system: system, history: sample.history, user: user, includeBOS: carriesBOS), parameters)
        case .chat:
            var messages: [ChatMessage] = []
            if let system = system ?? template.defaultSystem { messages.append(.system(system)) }
            for turn in sample.history { messages += [.user(turn.user), .assistant(turn.assistant)] }
            messages.append(.user(user))
            return .chat(model: model, messages: messages, parameters: parameters)
        }
    }
}
