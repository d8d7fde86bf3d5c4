/// The effective options of a model command as stored in `runs.options`: the command's own settings next to
/// the shared model options, in one flat JSON object.
struct RunOptions<Settings: Encodable>: Encodable {
    var settings: Settings
    var llm: LLMOptions

    func encode(to encoder: any Encoder) throws {
        try settings.encode(to: encoder)
        try llm.encode(to: encoder)
    }
}
