/// Builds the LLaMA-Factory `dataset_info.json` entry for an exported file and merges it into an existing
/// file, so `dataset: NAME` in a training config finds the data. Keys follow LLaMA-Factory's data/README:
/// `file_name`, `formatting`, `columns` (prompt/query/response/history/messages/system/tools) and, for
/// ShareGPT-style files, `tags` (role_tag, content_tag, user_tag, assistant_tag, ...).
public struct DatasetInfoEntry: Sendable, Equatable {
    /// Name of the exported file, relative to the dataset directory.
    public var fileName: String
    /// Layout of the exported file.
    public var format: ExportFormat
    /// Whether any exported record carries a system prompt.
    public var hasSystem: Bool
    /// Whether any exported Alpaca record carries history.
    public var hasHistory: Bool
    /// Whether any exported conversation carries tools.
    public var hasTools: Bool

    public init(fileName: String, format: ExportFormat, hasSystem: Bool = false, hasHistory: Bool = false, hasTools: Bool = false) {
        self.fileName = fileName
        self.format = format
        self.hasSystem = hasSystem
        self.hasHistory = hasHistory
        self.hasTools = hasTools
    }

    /// The entry as JSON.
    public var jsonValue: JSONValue {
        var entry: [String: JSONValue] = ["file_name": .string(fileName)]
        var columns: [String: JSONValue] = [:]
        switch format {
        case .alpaca, .jsonl:
            columns["prompt"] = .string("instruction")
            columns["query"] = .string("input")
            columns["response"] = .string("output")
            if hasSystem { columns["system"] = .string("system") }
            if hasHistory { columns["history"] = .string("history") }
        case .sharegpt:
            entry["formatting"] = .string("sharegpt")
            columns["messages"] = .string("conversations")
            if hasSystem { columns["system"] = .string("system") }
            if hasTools { columns["tools"] = .string("tools") }
            entry["tags"] = .object([
                "role_tag": .string("from"), "content_tag": .string("value"), "user_tag": .string("human"),
                "assistant_tag": .string("gpt"), "observation_tag": .string("observation"),
                "function_tag": .string("function_call"), "system_tag": .string("system"),
            ])
        case .openai:
            entry["formatting"] = .string("sharegpt")
            columns["messages"] = .string("messages")
            if hasTools { columns["tools"] = .string("tools") }
            entry["tags"] = .object([
                "role_tag": .string("role"), "content_tag": .string("content"), "user_tag": .string("user"),
                "assistant_tag": .string("assistant"), "observation_tag": .string("tool"),
                "system_tag": .string("system"),
            ])
        }
        entry["columns"] = .object(columns)
        return .object(entry)
    }

    /// The text of `dataset_info.json` with this entry stored under `name`, keeping every other entry of
    /// `existing` (the current file's bytes, or nil when there is none). Throws when the file is not a JSON object.
    public func merged(into existing: [UInt8]?, name: String) throws(FormatError) -> [UInt8] {
        try Self.merge(jsonValue, into: existing, name: name)
    }

    /// The text of `dataset_info.json` with `entry` (any entry object, e.g. a preference layout's) stored under
    /// `name`, keeping every other entry of `existing`. Throws when the file is not a JSON object.
    public static func merge(_ entry: JSONValue, into existing: [UInt8]?, name: String) throws(FormatError) -> [UInt8] {
        var entries: [String: JSONValue] = [:]
        if let existing, existing.contains(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
            let parsed: JSONValue
            do {
                parsed = try JSONValue.parse(existing)
            } catch {
                throw FormatError(line: 1, field: nil, reason: "dataset_info.json is not valid JSON: \(JSONProblem.describe(error))")
            }
            guard let object = parsed.objectValue else {
                throw FormatError(line: 1, field: nil, reason: "dataset_info.json must be a JSON object, found \(parsed.typeName)")
            }
            entries = object
        }
        var record = OrderedRecord()
        for key in entries.keys.sorted() where key != name { record.append(key, entries[key]!) }
        record.append(name, entry)
        var out: [UInt8] = []
        JSONTextWriter.append(record, to: &out, indent: 2, level: 0)
        out.append(0x0A)
        return out
    }
}
