/// TRL's unpaired preference format for KTOTrainer (TRL docs "Dataset formats", unpaired preference type):
/// `{"prompt": str, "completion": str, "label": bool}`, or with message lists
/// (`"prompt": [messages…]`, `"completion": [{"role": "assistant", …}]`) when the row has a system prompt or
/// earlier turns. `label` is a JSON boolean (true = desirable), never 0/1 or a string. `dsbench export` writes
/// one record per distinct (prompt, completion text) — equal answers (compared after trimming surrounding
/// whitespace) are merged and rated by the mean of their ratings, so one example never carries both labels —
/// and never a record whose completion is empty.
public struct TRLKTOLayout: PreferenceLayout {
    public let name = "trl-kto"
    public let summary = "TRL KTO: prompt/completion/label (boolean, rating >= --kto-threshold)"
    public var isUnpaired: Bool { true }

    public init() {}

    public func record(for example: PreferenceExample) -> Result<OrderedRecord, PreferenceSkip> {
        if let problem = example.problem() { return .failure(problem) }
        guard case .single(let completion, let desirable) = example.responses else { return .failure(.emptyAnswer) }
        var record = OrderedRecord()
        if example.prompt.isConversational {
            record.append("prompt", .array(example.prompt.messages()))
            record.append("completion", .array([PreferencePrompt.message("assistant", completion)]))
        } else {
            record.append("prompt", .string(example.prompt.user))
            record.append("completion", .string(completion))
        }
        record.append("label", .bool(desirable))
        return .success(record)
    }
}
