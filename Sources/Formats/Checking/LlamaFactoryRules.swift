/// LLaMA-Factory's reading of a record, after its `AlpacaDatasetConverter` / `SharegptDatasetConverter`
/// (data/converter.py) and the supervised preprocessor: the columns and tags of the `dataset_info.json`
/// entry, string contents, roles that alternate prompt side (user, observation) and response side
/// (assistant, function_call) after an optional leading system turn and end on a response, `tools` as a
/// JSON string, a non-empty prompt and response.
public struct LlamaFactoryRules: TrainerRules {
    /// How the file is registered.
    public enum Formatting: Sendable, Equatable {
        case alpaca
        /// With the entry's tags (role_tag, content_tag, user_tag, …).
        case sharegpt(tags: [String: String])
    }

    public let formatting: Formatting
    /// LLaMA-Factory column → key in the file.
    public let columns: [String: String]

    public init(formatting: Formatting, columns: [String: String]? = nil) {
        self.formatting = formatting
        switch formatting {
        case .alpaca:
            self.columns = columns ?? ["prompt": "instruction", "query": "input", "response": "output", "system": "system", "history": "history", "tools": "tools"]
        case .sharegpt:
            self.columns = columns ?? ["messages": "conversations", "system": "system", "tools": "tools"]
        }
    }

    /// Rules for a `dataset_info.json` entry.
    public init(entry: DatasetInfoEntry) {
        if entry.formatting == "sharegpt" {
            var tags = ShareGPTTags.shareGPT.dictionary
            for (key, value) in entry.tags ?? [:] { tags[key] = value }
            var columns = ["messages": "conversations"]
            for (key, value) in entry.columns { columns[key] = value }
            self.init(formatting: .sharegpt(tags: tags), columns: columns)
        } else {
            var columns = ["prompt": "instruction", "query": "input", "response": "output"]
            for (key, value) in entry.columns { columns[key] = value }
            self.init(formatting: .alpaca, columns: columns)
        }
    }

    public var trainer: String {
        switch formatting {
        case .alpaca: return "LLaMA-Factory (alpaca)"
        case .sharegpt: return "LLaMA-Factory (sharegpt)"
        }
    }

    public func problems(in record: [String: JSONValue]) -> [String] {
        var problems: [String] = []
        if let key = columns["system"], let value = record[key], !value.isNull, value.stringValue == nil {
            problems.append("system is not a string")
        }
        if let key = columns["tools"], let value = record[key], !value.isNull {
            if let text = value.stringValue {
                if (try? JSONValue.parse(text)) == nil { problems.append("tools is not valid JSON text") }
            } else {
                problems.append("tools is not a string (LLaMA-Factory reads a JSON string)")
            }
        }
        switch formatting {
        case .alpaca: alpacaProblems(record, into: &problems)
        case .sharegpt(let tags): shareGPTProblems(record, tags: tags, into: &problems)
        }
        return problems
    }

    private func alpacaProblems(_ record: [String: JSONValue], into problems: inout [String]) {
        let prompt = record[columns["prompt"] ?? "instruction"]
        let query = columns["query"].flatMap { record[$0] }
        if prompt?.stringValue == nil || (query.map { !$0.isNull && $0.stringValue == nil } ?? false) {
            problems.append("prompt is not a string")
        } else if (prompt?.stringValue ?? "").isEmpty && (query?.stringValue ?? "").isEmpty {
            problems.append("empty prompt")
        }
        let response = record[columns["response"] ?? "output"]
        if response?.stringValue == nil {
            problems.append("response is not a string")
        } else if response?.stringValue?.isEmpty == true {
            problems.append("empty response")
        }
        if let key = columns["history"], let history = record[key], !history.isNull {
            let valid = history.arrayValue?.allSatisfy { pair in
                guard let items = pair.arrayValue, items.count == 2 else { return false }
                return items.allSatisfy { $0.stringValue != nil }
            } ?? false
            if !valid { problems.append("history is not a list of [prompt, response] string pairs") }
        }
    }

    private func shareGPTProblems(_ record: [String: JSONValue], tags: [String: String], into problems: inout [String]) {
        guard let turns = record[columns["messages"] ?? "conversations"]?.arrayValue else {
            problems.append("no \(columns["messages"] ?? "conversations") list")
            return
        }
        let roleKey = tags["role_tag"] ?? "from", contentKey = tags["content_tag"] ?? "value"
        let promptSide: Set<String> = [tags["user_tag"] ?? "human", tags["observation_tag"] ?? "observation"]
        let responseSide: Set<String> = [tags["assistant_tag"] ?? "gpt", tags["function_tag"] ?? "function_call"]
        var start = 0
        if let first = turns.first?.objectValue, let systemTag = tags["system_tag"], first[roleKey]?.stringValue == systemTag {
            start = 1
        }
        var roleProblem = false
        for (position, turn) in turns.dropFirst(start).enumerated() {
            guard let object = turn.objectValue else {
                problems.append("turn is not an object")
                return
            }
            guard let role = object[roleKey]?.stringValue else {
                problems.append("turn has no '\(roleKey)' key")
                return
            }
            guard let content = object[contentKey] else {
                problems.append("turn has no '\(contentKey)' key")
                return
            }
            if content.stringValue == nil {
                problems.append("turn content is not a string")
                return
            }
            let expected = position % 2 == 0 ? promptSide : responseSide
            if !roleProblem, !expected.contains(role) {
                roleProblem = true
                let known = promptSide.union(responseSide).union([tags["system_tag"] ?? "system"])
                problems.append(known.contains(role) ? "turns do not alternate" : "invalid role tag '\(role)'")
            }
        }
        let count = turns.count - start
        if count == 0 {
            problems.append("no turns")
        } else if count % 2 != 0 && !roleProblem {
            problems.append("odd number of turns (no final response)")
        }
    }
}
