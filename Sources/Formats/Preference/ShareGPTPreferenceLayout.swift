/// LLaMA-Factory ranking data in the ShareGPT layout (data/README, "Preference Dataset"):
/// `{"conversations": [{"from": "human"|"gpt", "value"}…], "chosen": {"from": "gpt", "value"},
/// "rejected": {"from": "gpt", "value"}, "system"?}`. The converter skips a ranking row unless the
/// conversation alternates human/gpt from a human turn and ends on a human turn (an odd count), and
/// `chosen`/`rejected` are single message objects with an assistant tag — `PreferencePrompt` guarantees the
/// first, this layout the second. dataset_info: `"formatting": "sharegpt"`, `"ranking": true`, columns
/// messages/chosen/rejected (+ system), tags.
public struct ShareGPTPreferenceLayout: PreferenceLayout {
    public let name = "sharegpt-preference"
    public let summary = "LLaMA-Factory ranking, conversations ending on the human turn + chosen/rejected gpt messages"

    public init() {}

    public func record(for example: PreferenceExample) -> Result<OrderedRecord, PreferenceSkip> {
        pairAnswers(example).map { chosen, rejected in
            func turn(_ from: String, _ value: String) -> JSONValue { .object(["from": .string(from), "value": .string(value)]) }
            var conversation: [JSONValue] = []
            for exchange in example.prompt.history {
                conversation.append(turn("human", exchange.user))
                conversation.append(turn("gpt", exchange.assistant))
            }
            conversation.append(turn("human", example.prompt.user))
            var record = OrderedRecord()
            record.append("conversations", .array(conversation))
            record.append("chosen", turn("gpt", chosen))
            record.append("rejected", turn("gpt", rejected))
            if let system = example.prompt.system { record.append("system", .string(system)) }
            return record
        }
    }

    public func datasetInfoEntry(fileName: String, keys: Set<String>) -> DatasetInfoEntry? {
        var columns = ["messages": "conversations", "chosen": "chosen", "rejected": "rejected"]
        if keys.contains("system") { columns["system"] = "system" }
        let tags = ["role_tag": "from", "content_tag": "value", "user_tag": "human", "assistant_tag": "gpt"]
        return DatasetInfoEntry(fileName: fileName, formatting: "sharegpt", columns: columns, tags: tags, ranking: true)
    }
}
