/// The prompt side of a preference record: an optional system prompt, earlier user/assistant exchanges, and
/// the final user turn that both the chosen and the rejected answer reply to.
///
/// Built from an instruction row: a single-turn row gives `instruction` + "\n" + `input` (LLaMA-Factory's
/// join) as the user turn; a stored conversation gives its turns without the final assistant reply (which the
/// completions replace). Every preference trainer wants the prompt to end on the user turn, so a conversation
/// that does not alternate user/assistant from a user turn, or that uses tools, has no `PreferencePrompt`.
public struct PreferencePrompt: Sendable, Equatable {
    /// One earlier user turn and the assistant's reply to it.
    public struct Exchange: Sendable, Equatable {
        public var user: String
        public var assistant: String
        public init(user: String, assistant: String) {
            self.user = user
            self.assistant = assistant
        }
    }

    public var system: String?
    public var history: [Exchange]
    /// The final user turn's instruction, and its input (single-turn rows only; empty otherwise).
    public var instruction: String
    public var input: String

    public init(system: String? = nil, history: [Exchange] = [], user: String, input: String = "") {
        self.system = system.flatMap { $0.isEmpty ? nil : $0 }
        self.history = history
        self.instruction = user
        self.input = input
    }

    /// The final user turn as one text: instruction, then input on the next line (LLaMA-Factory's join).
    public var user: String { input.isEmpty ? instruction : instruction + "\n" + input }

    /// True when the record needs message lists (TRL's conversational form): a system prompt or history.
    public var isConversational: Bool { system != nil || !history.isEmpty }

    /// The prompt of an instruction row, or why it cannot be one (`tool calls`, `turn order`).
    public static func make(
        instruction: String, input: String, system: String?, conversation: JSONValue?
    ) -> Result<PreferencePrompt, PreferenceSkip> {
        guard let turns = Conversation(stored: conversation)?.turns else {
            return .success(PreferencePrompt(system: system, user: instruction, input: input))
        }
        var dialogue = turns
        var systemText = system
        if let first = dialogue.first, first.role == .system {
            systemText = first.text
            dialogue.removeFirst()
        }
        if dialogue.contains(where: { $0.role == .toolCall || $0.role == .toolResult || $0.role == .system }) {
            return .failure(.toolTurns)
        }
        if dialogue.last?.role == .assistant { dialogue.removeLast() }
        guard let last = dialogue.last, last.role == .user, dialogue.count % 2 == 1 else { return .failure(.turnOrder) }
        var history: [Exchange] = []
        var index = 0
        while index + 1 < dialogue.count {
            guard dialogue[index].role == .user, dialogue[index + 1].role == .assistant else { return .failure(.turnOrder) }
            history.append(Exchange(user: dialogue[index].text, assistant: dialogue[index + 1].text))
            index += 2
        }
        return .success(PreferencePrompt(system: systemText, history: history, user: last.text))
    }

    /// OpenAI-style `[{role, content}]` messages: system, history, then the final user turn.
    func messages() -> [JSONValue] {
        var result: [JSONValue] = []
        if let system { result.append(Self.message("system", system)) }
        for exchange in history {
            result.append(Self.message("user", exchange.user))
            result.append(Self.message("assistant", exchange.assistant))
        }
        result.append(Self.message("user", user))
        return result
    }

    static func message(_ role: String, _ content: String) -> JSONValue {
        .object(["role": .string(role), "content": .string(content)])
    }
}
