import LLM

/// The sampling a model command's requests actually carry, per call type (`answer`, `rewrite`, `judge`, …), as
/// `runs.options.sampling` records it: `{"answer": {"temperature": 0.7, "max_tokens": 1024, "seed": 0}}`.
/// Each entry is read from the same code that builds the requests, so defaults are recorded as sent. A
/// parameter the requests leave out (the server's default applies) is left out here too. `seed` is the base
/// seed each call's own seed is derived from (every prompt adds its own number).
struct EffectiveSampling: Encodable {
    private var calls: [String: SamplingParameters] = [:]

    /// This record plus one call type: its temperature, top_p and max_tokens as sent, and `seed` as the base
    /// seed when the requests send one.
    func adding(_ callType: String, _ parameters: SamplingParameters, baseSeed: Int?) -> EffectiveSampling {
        var copy = self
        copy.calls[callType] = SamplingParameters(
            temperature: parameters.temperature, topP: parameters.topP, maxTokens: parameters.maxTokens,
            seed: parameters.seed == nil ? nil : baseSeed)
        return copy
    }

    var isEmpty: Bool { calls.isEmpty }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(calls)
    }
}
