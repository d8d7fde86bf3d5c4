/// The effective options of a model command as stored in `runs.options`: the command's own settings next to
/// the shared model options, in one flat JSON object, and under `sampling` the parameters each call type sends.
struct RunOptions<Settings: Encodable>: Encodable {
    var settings: Settings
    var llm: LLMOptions
    var sampling = EffectiveSampling()

    enum CodingKeys: String, CodingKey {
        case sampling
    }

    func encode(to encoder: any Encoder) throws {
        try settings.encode(to: encoder)
        try llm.encode(to: encoder)
        if !sampling.isEmpty {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(sampling, forKey: .sampling)
        }
    }
}
