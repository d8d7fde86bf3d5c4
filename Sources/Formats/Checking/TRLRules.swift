/// What TRL's `SFTTrainer` takes from a record (TRL docs, "Dataset formats"): conversational `messages`
/// (`{role, content}` with system/user/assistant/tool roles, content a string) or `prompt`/`completion`
/// (strings or message lists), or plain `text`.
public struct TRLRules: TrainerRules {
    public init() {}

    public var trainer: String { "TRL" }

    static let roles: Set<String> = ["system", "user", "assistant", "tool"]

    public func problems(in record: [String: JSONValue]) -> [String] {
        if let messages = record["messages"] {
            return messageProblems(messages, needsAssistant: true)
        }
        if let prompt = record["prompt"], let completion = record["completion"] {
            if prompt.stringValue != nil, completion.stringValue != nil { return [] }
            return messageProblems(prompt, needsAssistant: false) + messageProblems(completion, needsAssistant: true)
        }
        if let text = record["text"] {
            return text.stringValue == nil ? ["text is not a string"] : []
        }
        return ["none of messages, prompt + completion, or text"]
    }

    private func messageProblems(_ value: JSONValue, needsAssistant: Bool) -> [String] {
        guard let messages = value.arrayValue, !messages.isEmpty else { return ["messages is not a non-empty list"] }
        var problems: [String] = []
        var assistants = 0
        for message in messages {
            guard let object = message.objectValue, let role = object["role"]?.stringValue else {
                problems.append("message without a role")
                continue
            }
            if !Self.roles.contains(role) { problems.append("unknown role '\(role)'") }
            if role == "assistant" { assistants += 1 }
            let content = object["content"]
            if content?.stringValue == nil, !(role == "assistant" && object["tool_calls"] != nil) {
                problems.append("content is not a string")
            }
        }
        if needsAssistant, assistants == 0 { problems.append("no assistant message") }
        return problems
    }
}
