extension ExportRow {
    /// The user prompt of a single-turn row: instruction, then input on the next line (LLaMA-Factory's rule
    /// for Alpaca `instruction` + `input`).
    var prompt: String {
        input.isEmpty ? instruction : instruction + "\n" + input
    }

    /// The row's conversation: the stored one, or one built from `system`, Alpaca `history`, the prompt
    /// and the output. `history` is taken out of `extra` when used.
    func conversation(extra: inout [String: JSONValue]) -> Conversation {
        if let stored = Conversation(stored: conversation) { return stored }
        var turns: [ConversationTurn] = []
        if let system { turns.append(ConversationTurn(role: .system, text: system)) }
        for pair in Self.historyPairs(extra.removeValue(forKey: "history")) {
            turns.append(ConversationTurn(role: .user, text: pair.prompt))
            turns.append(ConversationTurn(role: .assistant, text: pair.response))
        }
        turns.append(ConversationTurn(role: .user, text: prompt))
        if let output { turns.append(ConversationTurn(role: .assistant, text: output)) }
        var built = Conversation(turns: turns)
        if let tools = extra["tools"], let definitions = Conversation.definitions(tools) {
            extra["tools"] = nil
            built.tools = definitions
        }
        return built
    }

    /// The `[prompt, response]` pairs of an Alpaca `history` value; anything that is not a pair is skipped.
    static func historyPairs(_ history: JSONValue?) -> [(prompt: String, response: String)] {
        (history?.arrayValue ?? []).compactMap { pair in
            guard let items = pair.arrayValue, items.count == 2 else { return nil }
            return (items[0].stringValue ?? "", items[1].stringValue ?? "")
        }
    }
}

extension OrderedRecord {
    /// Appends the row's extra fields (source fields without a column) in deterministic key order.
    mutating func appendExtra(_ extra: [String: JSONValue]) {
        for key in JSONTextWriter.orderedKeys(extra.keys) { append(key, extra[key]!) }
    }
}
