/// One turn of a conversation in neutral terms, whichever layout it came from (ShareGPT `from`/`value` or
/// `role`/`content` turns, OpenAI messages with `tool_calls` or legacy `function_call`), so every export
/// layout writes the same content with its own roles and keys.
public struct ConversationTurn: Sendable, Equatable {
    /// Who speaks; a tool call and a tool result have their own roles.
    public enum Role: Sendable, Equatable {
        case system, user, assistant, toolCall, toolResult

        /// LLaMA-Factory's alternation puts user and tool results on the prompt side and assistant turns and
        /// tool calls on the response side; a valid conversation alternates prompt and response.
        public var isPromptSide: Bool { self == .user || self == .toolResult }
    }

    public var role: Role
    /// The turn's text. For `.toolCall` it is the call as JSON text (`{"name": …, "arguments": …}`), kept
    /// verbatim when the source was ShareGPT.
    public var text: String
    /// For `.toolCall`: the function's name and arguments (an object, or a string when it was not JSON).
    public var callName: String?
    public var callArguments: JSONValue?
    /// OpenAI `tool_calls[].id` / `tool_call_id`, when the source had one.
    public var callID: String?
    /// OpenAI per-message `weight` (0 or 1; 0 means "do not train on this assistant turn").
    public var weight: Int64?
    /// The source's `content` when it was not a plain string (a list of content parts), for OpenAI output.
    public var contentParts: JSONValue?

    public init(
        role: Role, text: String, callName: String? = nil, callArguments: JSONValue? = nil, callID: String? = nil,
        weight: Int64? = nil, contentParts: JSONValue? = nil
    ) {
        self.role = role
        self.text = text
        self.callName = callName
        self.callArguments = callArguments
        self.callID = callID
        self.weight = weight
        self.contentParts = contentParts
    }

    /// A tool call turn built from a name and arguments; `text` is the compact `{"name", "arguments"}` JSON.
    public static func call(name: String?, arguments: JSONValue?, id: String? = nil) -> ConversationTurn {
        var parsed = arguments ?? .object([:])
        if let text = parsed.stringValue, let object = try? JSONValue.parse(text) { parsed = object }
        let text = JSONTextWriter.compact(.object(["name": .string(name ?? ""), "arguments": parsed]))
        return ConversationTurn(role: .toolCall, text: text, callName: name, callArguments: parsed, callID: id)
    }
}
