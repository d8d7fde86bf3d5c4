/// Maps one source record of a known format to the neutral records the importer stores.
/// Errors name the line and the field (`instruction`, `conversations[2].from`) and say what was wrong.
public enum RecordMapper {
    /// ShareGPT roles that count as the user speaking.
    static let shareGPTUserRoles: Set<String> = ["human", "user"]
    /// ShareGPT roles that count as the assistant speaking.
    static let shareGPTAssistantRoles: Set<String> = ["gpt", "assistant", "bot", "chatgpt"]
    /// Every ShareGPT role accepted.
    static let shareGPTRoles: Set<String> = shareGPTUserRoles.union(shareGPTAssistantRoles)
        .union(["system", "function_call", "observation", "tool", "function"])
    /// Every OpenAI role accepted.
    static let openAIRoles: Set<String> = ["system", "developer", "user", "assistant", "tool", "function"]

    /// The neutral records for `fields` read as `format`.
    public static func map(
        _ fields: [String: JSONValue], format: SourceFormat, line: Int
    ) throws(FormatError) -> [NeutralRecord] {
        var records: [NeutralRecord]
        switch format {
        case .selfInstruct: records = try mapSelfInstruct(fields, line: line)
        case .alpaca: records = [try mapAlpaca(fields, line: line, emptyIsMissing: false)]
        case .csv, .text: records = [try mapAlpaca(fields, line: line, emptyIsMissing: true)]
        case .sharegpt: records = [try mapShareGPT(fields, line: line)]
        case .openai: records = [try mapOpenAI(fields, line: line)]
        }
        if let taskType = taskType(fields) {
            for index in records.indices { records[index].taskType = taskType }
        }
        return records
    }

    /// The task type seed files give (the Chinese self-instruct tutorials use `task_type`, `type`,
    /// `category` or `domain`), first of those in that order that is a non-empty string.
    static func taskType(_ fields: [String: JSONValue]) -> String? {
        for key in ["task_type", "type", "category", "domain"] {
            if let text = fields[key]?.stringValue, text.contains(where: { !$0.isWhitespace }) { return text }
        }
        return nil
    }

    // MARK: Alpaca

    static func mapAlpaca(
        _ fields: [String: JSONValue], line: Int, emptyIsMissing: Bool
    ) throws(FormatError) -> NeutralRecord {
        let instruction = try requiredInstruction(fields, line: line)
        let input = try optionalString(fields, "input", line: line) ?? ""
        var output = try optionalString(fields, "output", line: line)
        var system = try optionalString(fields, "system", line: line)
        if emptyIsMissing {
            if output?.isEmpty == true { output = nil }
            if system?.isEmpty == true { system = nil }
        }
        var history: [[String]]?
        if let value = fields["history"], !value.isNull {
            history = try historyPairs(value, line: line)
        }
        let extra = remainder(
            fields, without: fields["history"]?.isNull == true ? alpacaColumnsAndNullHistory : alpacaColumns)
        return NeutralRecord(
            line: line, instruction: instruction, input: input, output: output, system: system,
            history: history, name: fields["name"]?.stringValue, id: idString(fields["id"]), extra: extra)
    }

    private static func historyPairs(_ value: JSONValue, line: Int) throws(FormatError) -> [[String]] {
        guard let items = value.arrayValue else {
            throw FormatError(line: line, field: "history", reason: "expected a list of [prompt, response] pairs, found \(value.typeName)")
        }
        var pairs: [[String]] = []
        for (index, item) in items.enumerated() {
            guard let pair = item.arrayValue, pair.count == 2, let prompt = pair[0].stringValue,
                let response = pair[1].stringValue
            else {
                throw FormatError(line: line, field: "history[\(index)]", reason: "expected a [prompt, response] pair of strings")
            }
            pairs.append([prompt, response])
        }
        return pairs
    }

    // MARK: Self-Instruct

    static func mapSelfInstruct(_ fields: [String: JSONValue], line: Int) throws(FormatError) -> [NeutralRecord] {
        let instruction = try requiredInstruction(fields, line: line)
        guard let instances = fields["instances"]?.arrayValue else {
            throw FormatError(line: line, field: "instances", reason: "expected a list of {input, output} objects, found \(fields["instances"]?.typeName ?? "nothing")")
        }
        var isClassification: Bool?
        if let flag = fields["is_classification"], !flag.isNull {
            guard let value = flag.boolValue else {
                throw FormatError(line: line, field: "is_classification", reason: "expected a boolean, found \(flag.typeName)")
            }
            isClassification = value
        }
        let extra = remainder(fields, without: ["instruction", "instances", "is_classification"])
        let name = fields["name"]?.stringValue
        let id = idString(fields["id"])
        if instances.isEmpty {
            return [NeutralRecord(line: line, instruction: instruction, isClassification: isClassification, name: name, id: id, extra: extra)]
        }
        var records: [NeutralRecord] = []
        for (index, instance) in instances.enumerated() {
            guard let object = instance.objectValue else {
                throw FormatError(line: line, field: "instances[\(index)]", reason: "expected an object, found \(instance.typeName)")
            }
            let input = try optionalString(object, "input", line: line, prefix: "instances[\(index)].") ?? ""
            let output = try optionalString(object, "output", line: line, prefix: "instances[\(index)].")
            var instanceExtra = extra
            for (key, value) in object where key != "input" && key != "output" { instanceExtra["instance_\(key)"] = value }
            records.append(NeutralRecord(
                line: line, instruction: instruction, input: input, output: output, isClassification: isClassification,
                name: name, id: id, instanceIndex: index, extra: instanceExtra))
        }
        return records
    }

    // MARK: ShareGPT

    static func mapShareGPT(_ fields: [String: JSONValue], line: Int) throws(FormatError) -> NeutralRecord {
        guard let turns = fields["conversations"]?.arrayValue else {
            throw FormatError(line: line, field: "conversations", reason: "expected a list of turns, found \(fields["conversations"]?.typeName ?? "nothing")")
        }
        var instruction: String?
        var systemTurn: String?
        var lastRole = ""
        var lastText = ""
        for (index, turn) in turns.enumerated() {
            guard let object = turn.objectValue else {
                throw FormatError(line: line, field: "conversations[\(index)]", reason: "expected a turn object, found \(turn.typeName)")
            }
            let roleKey = object["from"] != nil ? "from" : "role"
            let contentKey = object["from"] != nil ? "value" : "content"
            guard let role = object[roleKey]?.stringValue else {
                throw FormatError(line: line, field: "conversations[\(index)].\(roleKey)", reason: "expected a role string, found \(object[roleKey]?.typeName ?? "nothing")")
            }
            guard shareGPTRoles.contains(role) else {
                throw FormatError(line: line, field: "conversations[\(index)].\(roleKey)", reason: "unknown role '\(role)' (expected human, gpt, system, function_call, observation or tool)")
            }
            guard let text = object[contentKey]?.stringValue else {
                throw FormatError(line: line, field: "conversations[\(index)].\(contentKey)", reason: "expected a string, found \(object[contentKey]?.typeName ?? "nothing")")
            }
            if instruction == nil, shareGPTUserRoles.contains(role) { instruction = text }
            // Only a leading system turn is the system prompt; one inside the conversation stays a turn.
            if index == 0, role == "system" { systemTurn = text }
            lastRole = role
            lastText = text
        }
        guard let instruction else {
            throw FormatError(line: line, field: "conversations", reason: "malformed turn list: no human turn")
        }
        let systemField = try optionalString(fields, "system", line: line)
        var conversation: [String: JSONValue] = ["conversations": .array(turns)]
        if let tools = fields["tools"] { conversation["tools"] = tools }
        let extra = remainder(fields, without: ["conversations", "system", "tools"])
        return NeutralRecord(
            line: line, instruction: instruction, output: shareGPTAssistantRoles.contains(lastRole) ? lastText : nil,
            system: systemField ?? systemTurn, conversation: .object(conversation), name: fields["name"]?.stringValue,
            id: idString(fields["id"]), extra: extra)
    }

    // MARK: OpenAI

    static func mapOpenAI(_ fields: [String: JSONValue], line: Int) throws(FormatError) -> NeutralRecord {
        guard let messages = fields["messages"]?.arrayValue else {
            throw FormatError(line: line, field: "messages", reason: "expected a list of messages, found \(fields["messages"]?.typeName ?? "nothing")")
        }
        var instruction: String?
        var system: String?
        var output: String?
        for (index, message) in messages.enumerated() {
            guard let object = message.objectValue else {
                throw FormatError(line: line, field: "messages[\(index)]", reason: "expected a message object, found \(message.typeName)")
            }
            guard let role = object["role"]?.stringValue else {
                throw FormatError(line: line, field: "messages[\(index)].role", reason: "expected a role string, found \(object["role"]?.typeName ?? "nothing")")
            }
            guard openAIRoles.contains(role) else {
                throw FormatError(line: line, field: "messages[\(index)].role", reason: "unknown role '\(role)' (expected system, user, assistant or tool)")
            }
            let text = try contentText(object["content"], line: line, field: "messages[\(index)].content")
            if role == "assistant", text == nil, object["tool_calls"] == nil, object["function_call"] == nil {
                throw FormatError(line: line, field: "messages[\(index)].content", reason: "assistant message has neither content nor tool_calls")
            }
            if instruction == nil, role == "user" {
                guard let text else {
                    throw FormatError(line: line, field: "messages[\(index)].content", reason: "user message has no content")
                }
                instruction = text
            }
            if index == 0, role == "system" || role == "developer" { system = text }
            output = index == messages.count - 1 && role == "assistant" ? text : nil
        }
        guard let instruction else {
            throw FormatError(line: line, field: "messages", reason: "malformed message list: no user message")
        }
        var conversation: [String: JSONValue] = ["messages": .array(messages)]
        // Legacy function calling names its definitions `functions`; both belong to the conversation.
        for key in ["tools", "functions"] { if let value = fields[key] { conversation[key] = value } }
        let extra = remainder(fields, without: ["messages", "tools", "functions"])
        return NeutralRecord(
            line: line, instruction: instruction, output: output, system: system, conversation: .object(conversation),
            name: fields["name"]?.stringValue, id: idString(fields["id"]), extra: extra)
    }

    /// Text of an OpenAI `content`: a string, or an array of parts whose text parts are joined by newlines.
    static func contentText(_ value: JSONValue?, line: Int, field: String) throws(FormatError) -> String? {
        guard let value, !value.isNull else { return nil }
        if let text = value.stringValue { return text }
        guard let parts = value.arrayValue else {
            throw FormatError(line: line, field: field, reason: "expected a string or a list of parts, found \(value.typeName)")
        }
        var texts: [String] = []
        for (index, part) in parts.enumerated() {
            guard let object = part.objectValue else {
                throw FormatError(line: line, field: "\(field)[\(index)]", reason: "expected a content part object, found \(part.typeName)")
            }
            if let text = object["text"]?.stringValue { texts.append(text) }
        }
        return texts.joined(separator: "\n")
    }

    // MARK: Field helpers

    /// Alpaca fields that have columns of their own.
    private static let alpacaColumns = ["instruction", "input", "output", "system"]
    /// The same plus a null `history`, which is dropped rather than kept in `extra`.
    private static let alpacaColumnsAndNullHistory = alpacaColumns + ["history"]

    /// `fields` without `keys` (what goes to `extra`); the common record with nothing left costs no copy.
    static func remainder(_ fields: [String: JSONValue], without keys: [String]) -> [String: JSONValue] {
        var present = 0
        for key in keys where fields.index(forKey: key) != nil { present += 1 }
        if present == fields.count { return [:] }
        var rest = fields
        for key in keys { rest[key] = nil }
        return rest
    }

    private static func requiredInstruction(_ fields: [String: JSONValue], line: Int) throws(FormatError) -> String {
        guard let value = fields["instruction"], !value.isNull else {
            throw FormatError(line: line, field: "instruction", reason: "missing instruction")
        }
        guard let text = value.stringValue else {
            throw FormatError(line: line, field: "instruction", reason: "expected a string, found \(value.typeName)")
        }
        guard text.contains(where: { !$0.isWhitespace }) else {
            throw FormatError(line: line, field: "instruction", reason: "empty instruction")
        }
        return text
    }

    private static func optionalString(
        _ fields: [String: JSONValue], _ key: String, line: Int, prefix: String = ""
    ) throws(FormatError) -> String? {
        guard let value = fields[key], !value.isNull else { return nil }
        guard let text = value.stringValue else {
            throw FormatError(line: line, field: prefix + key, reason: "expected a string, found \(value.typeName)")
        }
        return text
    }

    private static func idString(_ value: JSONValue?) -> String? {
        switch value {
        case .string(let text): return text
        case .int(let number): return String(number)
        default: return nil
        }
    }
}
