/// LLaMA-Factory ranking data in the Alpaca layout (data/README, "Preference Dataset"):
/// `{"instruction", "input", "chosen", "rejected", "system"?, "history"?}` with `chosen`/`rejected` plain
/// strings (the converter skips a ranking row whose answers are not strings) and `history` a list of
/// `[user, assistant]` pairs. A single-turn row keeps its `instruction` and `input` apart (LLaMA-Factory joins
/// them with a newline, as the other layouts do); a conversation's final user turn is the `instruction`.
/// dataset_info: `"ranking": true`, columns prompt/query/chosen/rejected (+ system, history).
public struct AlpacaPreferenceLayout: PreferenceLayout {
    public let name = "alpaca-preference"
    public let summary = "LLaMA-Factory ranking, instruction/input/chosen/rejected strings (+ system, history)"

    public init() {}

    public func record(for example: PreferenceExample) -> Result<OrderedRecord, PreferenceSkip> {
        pairAnswers(example).map { chosen, rejected in
            var record = OrderedRecord()
            record.append("instruction", .string(example.prompt.instruction))
            record.append("input", .string(example.prompt.input))
            record.append("chosen", .string(chosen))
            record.append("rejected", .string(rejected))
            if let system = example.prompt.system { record.append("system", .string(system)) }
            if !example.prompt.history.isEmpty {
                record.append("history", .array(example.prompt.history.map { .array([.string($0.user), .string($0.assistant)]) }))
            }
            return record
        }
    }

    public func datasetInfoEntry(fileName: String, keys: Set<String>) -> DatasetInfoEntry? {
        var columns = ["prompt": "instruction", "query": "input", "chosen": "chosen", "rejected": "rejected"]
        if keys.contains("system") { columns["system"] = "system" }
        if keys.contains("history") { columns["history"] = "history" }
        return DatasetInfoEntry(fileName: fileName, formatting: nil, columns: columns, tags: nil, ranking: true)
    }
}
