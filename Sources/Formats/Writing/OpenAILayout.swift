/// OpenAI chat fine-tuning: `messages` of `{"role", "content"}` with `system`, `user`, `assistant` and `tool`
/// roles; tool calls as assistant `tool_calls` (`{"id", "type": "function", "function": {"name",
/// "arguments" as a JSON string}}`) answered by `tool` messages with the matching `tool_call_id`; `tools` as a
/// list of `{"type": "function", "function": {…}}`; per-message `weight` (0/1) on assistant messages.
/// Legacy function calling (`functions`, `function_call`, `role: "function"`) is written in this form.
/// Source: OpenAI API reference, "Fine-tuning → chat input format".
public struct OpenAILayout: ExportLayout {
    public init() {}

    /// Tags under which LLaMA-Factory reads these files as `formatting: sharegpt`.
    public static let tags = ShareGPTTags.openAI.dictionary

    public var name: String { "openai" }
    public var summary: String { "messages[{role, content}] (+ tool_calls, tools, weight), as OpenAI fine-tuning reads" }
    public var alternation: TurnAlternation { .loose }
    public var defaultTurnPolicy: TurnPolicy { .keep }
    public var trainerRules: (any TrainerRules)? { OpenAIFineTuningRules() }

    public func export(_ row: ExportRow, options: ExportOptions) -> ExportOutcome {
        exportConversation(row, options: options) { prepared, extra in
            write(prepared, extra: extra, row: row)
        }
    }

    private func write(_ prepared: PreparedConversation, extra: [String: JSONValue], row: ExportRow) -> ExportOutcome {
        var messages: [JSONValue] = []
        if let system = prepared.system ?? row.system { messages.append(Self.message("system", .string(system))) }
        var callCount = 0
        var pendingIDs: [String] = []
        for turn in prepared.turns {
            switch turn.role {
            case .system: messages.append(Self.message("system", turn.contentParts ?? .string(turn.text)))
            case .user: messages.append(Self.message("user", turn.contentParts ?? .string(turn.text)))
            case .assistant:
                var message: [String: JSONValue] = ["role": .string("assistant"), "content": turn.contentParts ?? .string(turn.text)]
                if let weight = turn.weight { message["weight"] = .int(weight) }
                messages.append(.object(message))
            case .toolCall:
                callCount += 1
                let id = turn.callID ?? "call_\(callCount)"
                pendingIDs.append(id)
                var arguments = turn.callArguments ?? .object([:])
                if arguments.stringValue == nil { arguments = .string(JSONTextWriter.compact(arguments)) }
                let call: JSONValue = .object([
                    "id": .string(id), "type": .string("function"),
                    "function": .object(["name": .string(turn.callName ?? ""), "arguments": arguments]),
                ])
                // Calls right after an assistant message (its text, or parallel calls) join that message.
                if var last = messages.last?.objectValue, last["role"] == .string("assistant"),
                    last["weight"] == turn.weight.map(JSONValue.int)
                {
                    last["tool_calls"] = .array((last["tool_calls"]?.arrayValue ?? []) + [call])
                    messages[messages.count - 1] = .object(last)
                } else {
                    var message: [String: JSONValue] = ["role": .string("assistant"), "tool_calls": .array([call])]
                    if let weight = turn.weight { message["weight"] = .int(weight) }
                    messages.append(.object(message))
                }
            case .toolResult:
                let id = turn.callID ?? (pendingIDs.isEmpty ? "call_\(callCount)" : pendingIDs.removeFirst())
                if let index = pendingIDs.firstIndex(of: id) { pendingIDs.remove(at: index) }
                messages.append(.object([
                    "role": .string("tool"), "tool_call_id": .string(id), "content": turn.contentParts ?? .string(turn.text),
                ]))
            }
        }
        var record = OrderedRecord()
        record.append("messages", .array(messages))
        if let tools = prepared.conversation.wrappedTools { record.append("tools", tools) }
        var notes = prepared.notes
        if prepared.conversation.unreadableTools != nil { notes.append("tools not readable as function definitions (left out)") }
        record.appendExtra(extra)
        return .record(record, notes: notes)
    }

    private static func message(_ role: String, _ content: JSONValue) -> JSONValue {
        .object(["role": .string(role), "content": content])
    }

    /// LLaMA-Factory reads these files as ShareGPT with OpenAI role names. Its `tools` column must be a JSON
    /// string while OpenAI's is a list, so one file cannot serve both: `tools` is not registered, and `--check`
    /// flags records with tool calls (use `--format sharegpt` for LLaMA-Factory tool training).
    public func datasetInfoEntry(fileName: String, keys: Set<String>) -> DatasetInfoEntry? {
        let columns = ["messages": "messages"]
        return DatasetInfoEntry(fileName: fileName, formatting: "sharegpt", columns: columns, tags: Self.tags)
    }
}
