/// The OpenAI chat fine-tuning format as its API reference and data-preparation guide state it: `messages`
/// with roles system/developer/user/assistant/tool (legacy `function` too), content a string or a list of
/// content parts (null only on an assistant message with `tool_calls` or `function_call`), `tool_calls` as
/// `{id, type: "function", function: {name, arguments: string}}`, `tools` as `{type: "function", function:
/// {name, …}}`, at least one assistant message, and `weight` only 0 or 1 and only on assistant messages.
public struct OpenAIFineTuningRules: TrainerRules {
    public init() {}

    public var trainer: String { "OpenAI fine-tuning" }

    static let roles: Set<String> = ["system", "developer", "user", "assistant", "tool", "function"]

    public func problems(in record: [String: JSONValue]) -> [String] {
        var problems: [String] = []
        guard let messages = record["messages"]?.arrayValue, !messages.isEmpty else {
            return ["no messages list"]
        }
        var assistants = 0
        for message in messages {
            guard let object = message.objectValue, let role = object["role"]?.stringValue else {
                problems.append("message without a role")
                continue
            }
            guard Self.roles.contains(role) else {
                problems.append("unknown role '\(role)'")
                continue
            }
            let hasCalls = object["tool_calls"] != nil || object["function_call"] != nil
            switch object["content"] {
            case .string?: break
            case .array(let parts)?:
                if !parts.allSatisfy({ $0.objectValue?["type"]?.stringValue != nil }) { problems.append("content part without a type") }
            case .null?, nil:
                if !(role == "assistant" && hasCalls) { problems.append("\(role) message without content") }
            default:
                problems.append("content is neither a string nor a list of parts")
            }
            if role == "assistant" {
                assistants += 1
                if let calls = object["tool_calls"] {
                    let valid = calls.arrayValue?.allSatisfy { call in
                        guard let call = call.objectValue, call["type"]?.stringValue == "function",
                            let function = call["function"]?.objectValue, function["name"]?.stringValue != nil
                        else { return false }
                        return function["arguments"]?.stringValue != nil
                    } ?? false
                    if !valid { problems.append("tool_calls entry is not {id, type: function, function: {name, arguments string}}") }
                }
            }
            if role == "tool", object["tool_call_id"]?.stringValue == nil { problems.append("tool message without tool_call_id") }
            if let weight = object["weight"] {
                if role != "assistant" { problems.append("weight on a non-assistant message") }
                if weight != .int(0) && weight != .int(1) { problems.append("weight is not 0 or 1") }
            }
        }
        if assistants == 0 { problems.append("no assistant message") }
        if let tools = record["tools"], !tools.isNull {
            let valid = tools.arrayValue?.allSatisfy { tool in
                tool.objectValue?["type"]?.stringValue == "function"
                    && tool.objectValue?["function"]?.objectValue?["name"]?.stringValue != nil
            } ?? false
            if !valid { problems.append("tools is not a list of {type: function, function: {name, …}}") }
        }
        return problems
    }
}
