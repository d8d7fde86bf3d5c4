import LLM

/// Builds the three model requests of one evolution: the rewrite, the information-gain judgement and the
/// answer to the evolved instruction.
///
/// Each request depends only on the texts and the evolution's derived seed, so the same (instruction,
/// round, strategy, slot) always hashes to the same cache key: a resumed run is answered from `llm_calls`
/// instead of the network. The seed is also sent, for servers that honour it.
public struct EvolutionRequestFactory: Sendable {
    public var model: String
    /// Sampling for the rewrite: some creativity is wanted.
    public var evolveTemperature: Double
    /// The judge should be as deterministic as the server allows.
    public var judgeTemperature: Double
    public var answerTemperature: Double
    /// Upper bound on rewrite length; a rewrite adds 10–20 words, so this is generous.
    public var evolveMaxTokens: Int
    public var answerMaxTokens: Int?
    /// Nucleus sampling for the answer (`--top-p`); nil leaves the server's default.
    public var answerTopP: Double?

    public init(
        model: String, evolveTemperature: Double = 0.7, judgeTemperature: Double = 0, answerTemperature: Double = 0.7,
        evolveMaxTokens: Int = 1024, answerMaxTokens: Int? = nil, answerTopP: Double? = nil
    ) {
        self.model = model
        self.evolveTemperature = evolveTemperature
        self.judgeTemperature = judgeTemperature
        self.answerTemperature = answerTemperature
        self.evolveMaxTokens = evolveMaxTokens
        self.answerMaxTokens = answerMaxTokens
        self.answerTopP = answerTopP
    }

    /// Asks for the evolved instruction, in the parent's language.
    public func evolveRequest(
        instruction: String, input: String, strategy: EvolutionStrategy, seed: UInt64
    ) -> LLMRequest {
        let language = PromptLanguage.detect(instruction + " " + input)
        let prompt = EvolutionPromptTemplate.prompt(for: strategy, instruction: instruction, input: input, language: language)
        return .chat(
            model: model, messages: [.user(prompt)],
            parameters: SamplingParameters(temperature: evolveTemperature, maxTokens: evolveMaxTokens, seed: Self.wireSeed(seed)))
    }

    /// Asks whether `evolved` adds anything over `parent` (a one-word answer).
    public func gainRequest(parent: String, evolved: String, seed: UInt64) -> LLMRequest {
        let prompt = InformationGainCheck.prompt(parent: parent, evolved: evolved, language: PromptLanguage.detect(parent))
        return .chat(
            model: model, messages: [.user(prompt)],
            parameters: SamplingParameters(temperature: judgeTemperature, maxTokens: 16, seed: Self.wireSeed(seed)))
    }

    /// Asks for the answer to the evolved instruction (its input, if any, follows it).
    public func answerRequest(instruction: String, input: String, seed: UInt64) -> LLMRequest {
        let content = input.isEmpty ? instruction : instruction + "\n\n" + input
        return .chat(
            model: model, messages: [.user(content)],
            parameters: SamplingParameters(
                temperature: answerTemperature, topP: answerTopP, maxTokens: answerMaxTokens, seed: Self.wireSeed(seed)))
    }

    /// Some servers reject seeds beyond 32 bits; keep it positive and within Int32.
    public static func wireSeed(_ seed: UInt64) -> Int {
        Int(seed % UInt64(Int32.max))
    }
}
