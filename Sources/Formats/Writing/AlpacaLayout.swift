/// Alpaca: `instruction`, `input`, `output` (+ `system`, `history` as `[prompt, response]` pairs, `tools` as a
/// JSON string, the source's extra fields), read by LLaMA-Factory's `AlpacaDatasetConverter`. A conversation
/// becomes history pairs plus its final exchange; tool calls and results have no place in Alpaca, so such a
/// record is left out (`tool calls`) unless `--lossy` writes it without them.
public struct AlpacaLayout: ExportLayout {
    public init() {}

    public var name: String { "alpaca" }
    public var summary: String { "instruction/input/output (+ system, history, tools)" }
    public var trainerRules: (any TrainerRules)? { LlamaFactoryRules(formatting: .alpaca) }

    public func export(_ row: ExportRow, options: ExportOptions) -> ExportOutcome {
        var record = OrderedRecord()
        var extra = row.extra
        guard let stored = Conversation(stored: row.conversation) else {
            if row.output == nil, (options.turns ?? defaultTurnPolicy) != .keep { return .skipped(reason: "no output") }
            record.append("instruction", .string(row.instruction))
            record.append("input", .string(row.input))
            record.append("output", .string(row.output ?? ""))
            if let system = row.system { record.append("system", .string(system)) }
            if let history = extra.removeValue(forKey: "history") { record.append("history", history) }
            if let tools = extra["tools"], let definitions = Conversation.definitions(tools) {
                extra["tools"] = nil
                record.append("tools", .string(JSONTextWriter.compact(.array(definitions))))
            }
            record.appendExtra(extra)
            return .record(record, notes: [])
        }
        // Alpaca cannot hold unpaired turns, so `keep` leaves such records out like `skip`.
        let policy = (options.turns ?? defaultTurnPolicy) == .keep ? .skip : (options.turns ?? defaultTurnPolicy)
        var conversation = stored
        var notes: [String] = []
        if conversation.hasToolTurns {
            guard options.lossy else { return .skipped(reason: "tool calls (Alpaca has no tool turns; --lossy drops them)") }
            let dropped = conversation.turns.filter { $0.role == .toolCall || $0.role == .toolResult }.count
            notes += Array(repeating: "tool turn dropped (--lossy)", count: dropped)
            conversation.turns.removeAll { $0.role == .toolCall || $0.role == .toolResult }
        }
        let prepared: PreparedConversation
        switch prepare(conversation, output: row.output, policy: policy) {
        case .failure(let reason): return .skipped(reason: reason.text)
        case .success(let value): prepared = value
        }
        notes += prepared.notes + prepared.unexpressedWeights(layout: name)
        var pairs: [JSONValue] = []
        var index = 0
        while index + 1 < prepared.turns.count {
            pairs.append(.array([.string(prepared.turns[index].text), .string(prepared.turns[index + 1].text)]))
            index += 2
        }
        let final = pairs.removeLast().arrayValue!
        record.append("instruction", final[0])
        record.append("input", .string(""))
        record.append("output", final[1])
        if let system = prepared.system ?? row.system { record.append("system", .string(system)) }
        if !pairs.isEmpty { record.append("history", .array(pairs)) }
        if let tools = conversation.toolsString { record.append("tools", tools) }
        record.appendExtra(extra)
        return .record(record, notes: notes)
    }

    public func datasetInfoEntry(fileName: String, keys: Set<String>) -> DatasetInfoEntry? {
        var columns = ["prompt": "instruction", "query": "input", "response": "output"]
        for column in ["system", "history", "tools"] where keys.contains(column) { columns[column] = column }
        return DatasetInfoEntry(fileName: fileName, formatting: nil, columns: columns, tags: nil)
    }
}
