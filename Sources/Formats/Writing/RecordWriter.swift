/// Shapes one exported row as an Alpaca, ShareGPT or OpenAI record. A row keeps its own layout when it was
/// imported in the same one (turn objects verbatim, tools kept, extra fields given back), so a round trip
/// returns the same records; otherwise the conversation is translated or built from instruction/input/output.
public enum RecordWriter {
    /// The record for `row` in `format` (`.jsonl` is the row's columns and is built by `jsonlRecord`).
    public static func record(for row: ExportRow, format: ExportFormat) -> OrderedRecord {
        switch format {
        case .alpaca: return alpaca(row)
        case .sharegpt: return shareGPT(row)
        case .openai: return openAI(row)
        case .jsonl: return alpaca(row)
        }
    }

    /// The `examples` columns as a record; JSON text columns (`conversation`, `extra`) become nested JSON.
    public static func jsonlRecord(columns: [(name: String, value: JSONValue)]) -> OrderedRecord {
        var record = OrderedRecord()
        for column in columns {
            var value = column.value
            if column.name == "conversation" || column.name == "extra", let text = value.stringValue,
                let parsed = try? JSONValue.parse(text)
            {
                value = parsed
            }
            record.append(column.name, value)
        }
        return record
    }

    // MARK: Alpaca

    static func alpaca(_ row: ExportRow) -> OrderedRecord {
        var record = OrderedRecord()
        var extra = row.extra
        if let turns = ConversationTurn.turns(of: row.conversation) {
            let dialogue = turns.filter { $0.role == .user || $0.role == .assistant }
            var pairs: [[String]] = []
            var pendingPrompt: String?
            for turn in dialogue {
                if turn.role == .user {
                    pendingPrompt = turn.text
                } else if let prompt = pendingPrompt {
                    pairs.append([prompt, turn.text])
                    pendingPrompt = nil
                }
            }
            var instruction = pendingPrompt ?? pairs.last?[0] ?? row.instruction
            if pendingPrompt == nil, !pairs.isEmpty { pairs.removeLast() }
            if instruction.isEmpty { instruction = row.instruction }
            record.append("instruction", .string(instruction))
            record.append("input", .string(""))
            record.append("output", .string(row.output ?? ""))
            if let system = row.system { record.append("system", .string(system)) }
            if !pairs.isEmpty { record.append("history", .array(pairs.map { .array($0.map(JSONValue.string)) })) }
            if let tools = row.conversation?.objectValue?["tools"] { extra["tools"] = extra["tools"] ?? tools }
        } else {
            record.append("instruction", .string(row.instruction))
            record.append("input", .string(row.input))
            record.append("output", .string(row.output ?? ""))
            if let system = row.system { record.append("system", .string(system)) }
            if let history = extra.removeValue(forKey: "history") { record.append("history", history) }
        }
        appendExtra(extra, to: &record)
        return record
    }

    // MARK: ShareGPT

    static func shareGPT(_ row: ExportRow) -> OrderedRecord {
        var record = OrderedRecord()
        var extra = row.extra
        let stored = row.conversation?.objectValue
        var tools = stored?["tools"]
        if var turns = stored?["conversations"]?.arrayValue {
            replaceFinalAnswer(in: &turns, roleKeys: ["from", "role"], assistantRoles: RecordMapper.shareGPTAssistantRoles, contentKeys: ["value", "content"], output: row.output)
            record.append("conversations", .array(turns))
            let hasSystemTurn = turns.contains { ($0.objectValue?["from"] ?? $0.objectValue?["role"])?.stringValue == "system" }
            if let system = row.system, !hasSystemTurn { record.append("system", .string(system)) }
        } else {
            var turns: [JSONValue] = []
            func turn(_ role: String, _ text: String) -> JSONValue { .object(["from": .string(role), "value": .string(text)]) }
            if let converted = ConversationTurn.turns(of: row.conversation) {
                for item in converted {
                    switch item.role {
                    case .system: continue
                    case .user: turns.append(turn("human", item.text))
                    case .assistant: turns.append(turn("gpt", item.text))
                    case .toolCall: turns.append(turn("function_call", item.text))
                    case .toolResult: turns.append(turn("observation", item.text))
                    }
                }
                replaceFinalAnswer(in: &turns, roleKeys: ["from"], assistantRoles: ["gpt"], contentKeys: ["value"], output: row.output)
                if let openAITools = tools?.arrayValue {
                    // LLaMA-Factory wants the function definitions as a JSON string.
                    let functions = openAITools.map { $0.objectValue?["function"] ?? $0 }
                    tools = .string(JSONTextWriter.compact(.array(functions)))
                }
            } else {
                for (prompt, response) in historyPairs(extra.removeValue(forKey: "history")) {
                    turns.append(turn("human", prompt))
                    turns.append(turn("gpt", response))
                }
                turns.append(turn("human", prompt(row)))
                if let output = row.output { turns.append(turn("gpt", output)) }
            }
            record.append("conversations", .array(turns))
            if let system = row.system { record.append("system", .string(system)) }
        }
        if let tools { record.append("tools", tools) }
        appendExtra(extra, to: &record)
        return record
    }

    // MARK: OpenAI

    static func openAI(_ row: ExportRow) -> OrderedRecord {
        var record = OrderedRecord()
        var extra = row.extra
        let stored = row.conversation?.objectValue
        var tools = stored?["tools"]
        func message(_ role: String, _ text: String) -> JSONValue { .object(["role": .string(role), "content": .string(text)]) }
        if var messages = stored?["messages"]?.arrayValue {
            replaceFinalAnswer(in: &messages, roleKeys: ["role"], assistantRoles: ["assistant"], contentKeys: ["content"], output: row.output)
            record.append("messages", .array(messages))
        } else {
            var messages: [JSONValue] = []
            if let converted = ConversationTurn.turns(of: row.conversation) {
                if let system = row.system, !converted.contains(where: { $0.role == .system }) {
                    messages.append(message("system", system))
                }
                var callCount = 0
                for item in converted {
                    switch item.role {
                    case .system: messages.append(message("system", item.text))
                    case .user: messages.append(message("user", item.text))
                    case .assistant: messages.append(message("assistant", item.text))
                    case .toolCall:
                        callCount += 1
                        var arguments = item.callArguments ?? .object([:])
                        if arguments.stringValue == nil { arguments = .string(JSONTextWriter.compact(arguments)) }
                        let call: JSONValue = .object([
                            "id": .string("call_\(callCount)"), "type": .string("function"),
                            "function": .object(["name": .string(item.callName ?? ""), "arguments": arguments]),
                        ])
                        messages.append(.object(["role": .string("assistant"), "content": .null, "tool_calls": .array([call])]))
                    case .toolResult:
                        messages.append(.object([
                            "role": .string("tool"), "content": .string(item.text), "tool_call_id": .string("call_\(callCount)"),
                        ]))
                    }
                }
                replaceFinalAnswer(in: &messages, roleKeys: ["role"], assistantRoles: ["assistant"], contentKeys: ["content"], output: row.output)
                if let text = tools?.stringValue, let parsed = try? JSONValue.parse(text), let functions = parsed.arrayValue {
                    tools = .array(functions.map { .object(["type": .string("function"), "function": $0]) })
                }
            } else {
                if let system = row.system { messages.append(message("system", system)) }
                for (prompt, response) in historyPairs(extra.removeValue(forKey: "history")) {
                    messages.append(message("user", prompt))
                    messages.append(message("assistant", response))
                }
                messages.append(message("user", prompt(row)))
                if let output = row.output { messages.append(message("assistant", output)) }
            }
            record.append("messages", .array(messages))
        }
        if let tools { record.append("tools", tools) }
        appendExtra(extra, to: &record)
        return record
    }

    // MARK: Shared

    /// The user prompt of a single-turn row: instruction, then input on the next line (LLaMA-Factory's rule).
    static func prompt(_ row: ExportRow) -> String {
        row.input.isEmpty ? row.instruction : row.instruction + "\n" + row.input
    }

    /// The `[prompt, response]` pairs of an Alpaca `history` value; anything that is not a pair is skipped.
    private static func historyPairs(_ history: JSONValue?) -> [(prompt: String, response: String)] {
        (history?.arrayValue ?? []).compactMap { pair in
            guard let items = pair.arrayValue, items.count == 2 else { return nil }
            return (items[0].stringValue ?? "", items[1].stringValue ?? "")
        }
    }

    /// When the row's output differs from the stored final assistant turn (a new or scrubbed completion),
    /// the exported conversation ends with the row's output.
    private static func replaceFinalAnswer(
        in turns: inout [JSONValue], roleKeys: [String], assistantRoles: Set<String>, contentKeys: [String], output: String?
    ) {
        guard let output, var last = turns.last?.objectValue,
            let roleKey = roleKeys.first(where: { last[$0] != nil }),
            let role = last[roleKey]?.stringValue, assistantRoles.contains(role),
            let contentKey = contentKeys.first(where: { last[$0] != nil }) ?? contentKeys.first
        else { return }
        if last[contentKey]?.stringValue == output { return }
        if last[contentKey]?.arrayValue != nil, (try? RecordMapper.contentText(last[contentKey], line: 0, field: "")) == output { return }
        last[contentKey] = .string(output)
        turns[turns.count - 1] = .object(last)
    }

    private static func appendExtra(_ extra: [String: JSONValue], to record: inout OrderedRecord) {
        for key in JSONTextWriter.orderedKeys(extra.keys) { record.append(key, extra[key]!) }
    }
}
