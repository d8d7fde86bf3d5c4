/// TRL's preference format (DPOTrainer, ORPO, CPO, reward modelling; TRL docs "Dataset formats",
/// preference type) with an explicit prompt, always: without a `prompt` column TRL takes the longest common
/// prefix of `chosen` and `rejected` as the prompt, which cuts answers that start alike. Standard form
/// `{"prompt": str, "chosen": str, "rejected": str}` for a single user turn; conversational form
/// `{"prompt": [messages…], "chosen": [{"role": "assistant", …}], "rejected": [{"role": "assistant", …}]}`
/// when the row has a system prompt or earlier turns (TRL applies the chat template to it).
public struct TRLPreferenceLayout: PreferenceLayout {
    public let name = "trl-preference"
    public let summary = "TRL DPO: prompt/chosen/rejected, message lists with a system prompt or history"

    public init() {}

    public func record(for example: PreferenceExample) -> Result<OrderedRecord, PreferenceSkip> {
        pairAnswers(example).map { chosen, rejected in
            var record = OrderedRecord()
            if example.prompt.isConversational {
                record.append("prompt", .array(example.prompt.messages()))
                record.append("chosen", .array([PreferencePrompt.message("assistant", chosen)]))
                record.append("rejected", .array([PreferencePrompt.message("assistant", rejected)]))
            } else {
                record.append("prompt", .string(example.prompt.user))
                record.append("chosen", .string(chosen))
                record.append("rejected", .string(rejected))
            }
            return record
        }
    }
}
