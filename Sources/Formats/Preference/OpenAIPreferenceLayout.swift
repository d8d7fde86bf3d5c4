/// OpenAI preference fine-tuning (DPO) JSONL (OpenAI docs, "Direct preference optimization"):
/// `{"input": {"messages": [...]}, "preferred_output": [{"role": "assistant", "content"}],
/// "non_preferred_output": [{"role": "assistant", "content"}]}`. OpenAI trains on one turn: `input.messages`
/// (system, earlier turns) ends with the user turn and each output array holds exactly one assistant message.
public struct OpenAIPreferenceLayout: PreferenceLayout {
    public let name = "openai-preference"
    public let summary = "OpenAI DPO fine-tuning: input.messages, preferred_output, non_preferred_output"

    public init() {}

    public func record(for example: PreferenceExample) -> Result<OrderedRecord, PreferenceSkip> {
        pairAnswers(example).map { chosen, rejected in
            var record = OrderedRecord()
            record.append("input", .object(["messages": .array(example.prompt.messages())]))
            record.append("preferred_output", .array([PreferencePrompt.message("assistant", chosen)]))
            record.append("non_preferred_output", .array([PreferencePrompt.message("assistant", rejected)]))
            return record
        }
    }
}
