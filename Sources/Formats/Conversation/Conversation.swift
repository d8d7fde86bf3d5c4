/// A stored conversation read into neutral turns plus its tool definitions. Reads what import keeps in
/// `instructions.conversation`: ShareGPT `{"conversations": […], "tools": …}` with `from`/`value` or
/// `role`/`content` keys (mixed freely) and any accepted role name, or OpenAI `{"messages": […], "tools": …}`
/// including legacy function calling (`functions`, assistant `function_call`, `role: "function"` results,
/// as in OpenAI's pre-2023-11 chat format), which becomes the same tool-call turns as `tool_calls`.
public struct Conversation: Sendable, Equatable {
    public var turns: [ConversationTurn]
    /// Function definitions as bare `{name, description, parameters}` objects; nil when the record has none.
    public var tools: [JSONValue]?
    /// A `tools` value that is not JSON the reader understands (kept as given for ShareGPT output).
    public var unreadableTools: JSONValue?
    /// The source's `tools` when it was already a JSON string, written back byte for byte.
    public var toolsText: String?

    public init(turns: [ConversationTurn], tools: [JSONValue]? = nil, unreadableTools: JSONValue? = nil) {
        self.turns = turns
        self.tools = tools
        self.unreadableTools = unreadableTools
    }

    /// The conversation stored for a row, or nil when the row is a single instruction/output pair.
    public init?(stored: JSONValue?) {
        guard let object = stored?.objectValue else { return nil }
        if let turns = object["conversations"]?.arrayValue {
            self.init(turns: turns.compactMap(Self.shareGPTTurn))
        } else if let messages = object["messages"]?.arrayValue {
            self.init(turns: messages.flatMap(Self.openAITurns))
        } else {
            return nil
        }
        if let value = object["tools"] ?? object["functions"], !value.isNull {
            if let definitions = Self.definitions(value) {
                tools = definitions
                toolsText = value.stringValue
            } else {
                unreadableTools = value
            }
        }
    }

    /// True when any turn is a tool call or a tool result.
    public var hasToolTurns: Bool { turns.contains { $0.role == .toolCall || $0.role == .toolResult } }

    /// `tools` as LLaMA-Factory reads it: one JSON string holding the list of function definitions.
    public var toolsString: JSONValue? {
        if let toolsText { return .string(toolsText) }
        if let tools { return .string(JSONTextWriter.compact(.array(tools))) }
        if let unreadableTools { return unreadableTools.stringValue.map(JSONValue.string) ?? .string(JSONTextWriter.compact(unreadableTools)) }
        return nil
    }

    /// `tools` as the OpenAI API reads it: a list of `{"type": "function", "function": {…}}`.
    public var wrappedTools: JSONValue? {
        tools.map { .array($0.map { .object(["type": .string("function"), "function": $0]) }) }
    }

    // MARK: Reading

    /// Bare function definitions from a list or a JSON string of a list, wrapped or not; nil if unreadable.
    static func definitions(_ value: JSONValue) -> [JSONValue]? {
        var list = value
        if let text = value.stringValue {
            guard let parsed = try? JSONValue.parse(text) else { return nil }
            list = parsed
        }
        if list.objectValue != nil { list = .array([list]) }
        guard let items = list.arrayValue else { return nil }
        return items.map { item in
            if let object = item.objectValue, object["type"]?.stringValue == "function", let function = object["function"] {
                return function
            }
            return item
        }
    }

    static func shareGPTTurn(_ value: JSONValue) -> ConversationTurn? {
        guard let object = value.objectValue else { return nil }
        let role = (object["from"] ?? object["role"])?.stringValue ?? ""
        let content = object["value"] ?? object["content"]
        let text = content?.stringValue ?? ""
        let weight = Self.weight(object["weight"])
        switch role {
        case "system":
            return ConversationTurn(role: .system, text: text)
        case _ where RecordMapper.shareGPTUserRoles.contains(role):
            return ConversationTurn(role: .user, text: text)
        case _ where RecordMapper.shareGPTAssistantRoles.contains(role):
            return ConversationTurn(role: .assistant, text: text, weight: weight)
        case "function_call":
            let call = (try? JSONValue.parse(text))?.objectValue
            return ConversationTurn(
                role: .toolCall, text: text, callName: call?["name"]?.stringValue, callArguments: call?["arguments"],
                weight: weight)
        default:
            return ConversationTurn(role: .toolResult, text: text)
        }
    }

    static func openAITurns(_ value: JSONValue) -> [ConversationTurn] {
        guard let object = value.objectValue, let role = object["role"]?.stringValue else { return [] }
        let content = object["content"]
        let text = (try? RecordMapper.contentText(content, line: 0, field: "")) ?? nil
        let parts = content?.arrayValue != nil ? content : nil
        switch role {
        case "system", "developer":
            return [ConversationTurn(role: .system, text: text ?? "", contentParts: parts)]
        case "user":
            return [ConversationTurn(role: .user, text: text ?? "", contentParts: parts)]
        case "tool", "function":
            return [ConversationTurn(
                role: .toolResult, text: text ?? "", callID: object["tool_call_id"]?.stringValue, contentParts: parts)]
        default:
            let weight = Self.weight(object["weight"])
            var turns: [ConversationTurn] = []
            if let text, !text.isEmpty {
                turns.append(ConversationTurn(role: .assistant, text: text, weight: weight, contentParts: parts))
            }
            for call in object["tool_calls"]?.arrayValue ?? [] {
                let function = call.objectValue?["function"]?.objectValue
                var turn = ConversationTurn.call(
                    name: function?["name"]?.stringValue, arguments: function?["arguments"],
                    id: call.objectValue?["id"]?.stringValue)
                turn.weight = weight
                turns.append(turn)
            }
            if let legacy = object["function_call"]?.objectValue {
                var turn = ConversationTurn.call(name: legacy["name"]?.stringValue, arguments: legacy["arguments"])
                turn.weight = weight
                turns.append(turn)
            }
            if turns.isEmpty { turns.append(ConversationTurn(role: .assistant, text: "", weight: weight)) }
            return turns
        }
    }

    private static func weight(_ value: JSONValue?) -> Int64? {
        switch value {
        case .int(let number): return number
        case .double(let number) where number == number.rounded(): return Int64(number)
        case .bool(let flag): return flag ? 1 : 0
        default: return nil
        }
    }
}
