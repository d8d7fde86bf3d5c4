/// `dsbench validate --for`: the trainer whose reading of a file is checked.
public enum TrainerTarget: String, Sendable, CaseIterable {
    case llamafactory, openai, trl

    /// The rules for a file whose first record is `first`. For LLaMA-Factory the `dataset_info.json` entry
    /// decides; without one the layout is inferred the way our exports register it (`conversations` →
    /// ShareGPT with from/value tags, `messages` → ShareGPT with role/content tags, otherwise Alpaca).
    public func rules(first: [String: JSONValue], entry: DatasetInfoEntry?) -> any TrainerRules {
        switch self {
        case .openai: return OpenAIFineTuningRules()
        case .trl: return TRLRules()
        case .llamafactory:
            if let entry { return LlamaFactoryRules(entry: entry) }
            if first["conversations"] != nil { return LlamaFactoryRules(formatting: .sharegpt(tags: ShareGPTLayout.tags)) }
            if first["messages"] != nil {
                return LlamaFactoryRules(formatting: .sharegpt(tags: OpenAILayout.tags), columns: ["messages": "messages", "system": "system", "tools": "tools"])
            }
            return LlamaFactoryRules(formatting: .alpaca)
        }
    }
}
