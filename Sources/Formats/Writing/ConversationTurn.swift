/// A conversation turn in neutral terms, used to translate between ShareGPT and OpenAI layouts.
struct ConversationTurn: Equatable {
    /// Who speaks; tool calls and tool results have their own roles.
    enum Role: Equatable {
        case system, user, assistant, toolCall, toolResult
    }

    var role: Role
    var text: String
    /// For `.toolCall`: function name and arguments (an object or a JSON string).
    var callName: String?
    var callArguments: JSONValue?

    /// Turns of a stored conversation, whichever layout it was imported from.
    static func turns(of conversation: JSONValue?) -> [ConversationTurn]? {
        guard let object = conversation?.objectValue else { return nil }
        if let turns = object["conversations"]?.arrayValue { return turns.compactMap(fromShareGPT) }
        if let messages = object["messages"]?.arrayValue { return messages.flatMap(fromOpenAI) }
        return nil
    }

    private static func fromShareGPT(_ value: JSONValue) -> ConversationTurn? {
        guard let object = value.objectValue else { return nil }
        let role = (object["from"] ?? object["role"])?.stringValue ?? ""
        let text = (object["value"] ?? object["content"])?.stringValue ?? ""
        switch role {
        case "system": return ConversationTurn(role: .system, text: text)
        case _ where RecordMapper.shareGPTUserRoles.contains(role): return ConversationTurn(role: .user, text: text)
        case _ where RecordMapper.shareGPTAssistantRoles.contains(role): return ConversationTurn(role: .assistant, text: text)
        case "function_call":
            let call = (try? JSONValue.parse(text))?.objectValue
            return ConversationTurn(role: .toolCall, text: text, callName: call?["name"]?.stringValue, callArguments: call?["arguments"])
        default: return ConversationTurn(role: .toolResult, text: text)
        }
    }

    private static func fromOpenAI(_ value: JSONValue) -> [ConversationTurn] {
        guard let object = value.objectValue, let role = object["role"]?.stringValue else { return [] }
        let text = (try? RecordMapper.contentText(object["content"], line: 0, field: "")) ?? nil
        switch role {
        case "system", "developer": return [ConversationTurn(role: .system, text: text ?? "")]
        case "user": return [ConversationTurn(role: .user, text: text ?? "")]
        case "tool", "function": return [ConversationTurn(role: .toolResult, text: text ?? "")]
        default:
            var turns: [ConversationTurn] = []
            if let text, !text.isEmpty { turns.append(ConversationTurn(role: .assistant, text: text)) }
            for call in object["tool_calls"]?.arrayValue ?? [] {
                let function = call.objectValue?["function"]?.objectValue
                let name = function?["name"]?.stringValue
                var arguments = function?["arguments"] ?? .object([:])
                if let argumentText = arguments.stringValue, let parsed = try? JSONValue.parse(argumentText) { arguments = parsed }
                let textForm = JSONTextWriter.compact(.object(["name": .string(name ?? ""), "arguments": arguments]))
                turns.append(ConversationTurn(role: .toolCall, text: textForm, callName: name, callArguments: arguments))
            }
            if turns.isEmpty { turns.append(ConversationTurn(role: .assistant, text: "")) }
            return turns
        }
    }
}
