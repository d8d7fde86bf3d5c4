/// ShareGPT as LLaMA-Factory reads it: `conversations` of `{"from", "value"}` turns with the tags the
/// `dataset_info.json` entry declares (`human`, `gpt`, `function_call`, `observation`, `system`), `system`
/// and `tools` (one JSON string) columns, plus the source's extra fields. Turns stored with other role
/// names (`user`, `assistant`, `chatgpt`) or keys (`role`/`content`) are written with the declared ones;
/// the database keeps the source form for `jsonl`.
public struct ShareGPTLayout: ExportLayout {
    public init() {}

    /// The tags every exported turn uses, as registered in `dataset_info.json`.
    public static let tags = ShareGPTTags.shareGPT.dictionary

    public var name: String { "sharegpt" }
    public var summary: String { "conversations[{from, value}] (+ system, tools as a JSON string)" }
    public var trainerRules: (any TrainerRules)? { LlamaFactoryRules(formatting: .sharegpt(tags: Self.tags)) }

    public func export(_ row: ExportRow, options: ExportOptions) -> ExportOutcome {
        exportConversation(row, options: options) { prepared, extra in
            write(prepared, extra: extra, row: row)
        }
    }

    private func write(_ prepared: PreparedConversation, extra: [String: JSONValue], row: ExportRow) -> ExportOutcome {
        var turns: [JSONValue] = []
        turns.reserveCapacity(prepared.turns.count)
        for turn in prepared.turns {
            turns.append(.object(["from": .string(Self.tag(turn.role)), "value": .string(turn.text)]))
        }
        var record = OrderedRecord()
        record.append("conversations", .array(turns))
        if let system = prepared.system ?? row.system { record.append("system", .string(system)) }
        if let tools = prepared.conversation.toolsString { record.append("tools", tools) }
        record.appendExtra(extra)
        return .record(record, notes: prepared.notes + prepared.unexpressedWeights(layout: name))
    }

    static func tag(_ role: ConversationTurn.Role) -> String {
        switch role {
        case .system: return "system"
        case .user: return "human"
        case .assistant: return "gpt"
        case .toolCall: return "function_call"
        case .toolResult: return "observation"
        }
    }

    public func datasetInfoEntry(fileName: String, keys: Set<String>) -> DatasetInfoEntry? {
        var columns = ["messages": "conversations"]
        for column in ["system", "tools"] where keys.contains(column) { columns[column] = column }
        return DatasetInfoEntry(fileName: fileName, formatting: "sharegpt", columns: columns, tags: Self.tags)
    }
}
