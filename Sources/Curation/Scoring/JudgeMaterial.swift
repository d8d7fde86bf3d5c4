/// The labelled material a judging prompt shows before the answers: the system prompt, then either the
/// conversation so far (multi-turn) or the instruction and its input, in English (`[Instruction]`) or Chinese
/// (`【指令】`) labels. Shared by `JudgePrompt` and `PairwisePrompt`, so both show an example the same way.
struct JudgeMaterial {
    var instruction: String
    var input: String
    var system: String?
    /// Turns before the final answer; more than one makes the example multi-turn.
    var conversation: [ScoringTurn]

    var isMultiTurn: Bool { conversation.count > 1 }

    /// The text whose language picks the prompt's: the instruction and input, or the user turns.
    var asked: String {
        if isMultiTurn { return conversation.filter { $0.role == "user" }.map(\.text).joined(separator: "\n") }
        return input.isEmpty ? instruction : instruction + "\n" + input
    }

    /// The labelled sections, each followed by a blank line.
    func sections(_ language: ScoringPromptLanguage) -> String {
        var material = ""
        switch language {
        case .english:
            if let system, !system.isEmpty { material += "[System prompt]\n\(system)\n\n" }
            if isMultiTurn {
                material += "[Conversation]\n" + transcript(user: "User", assistant: "Assistant", colon: ": ") + "\n\n"
            } else {
                material += "[Instruction]\n\(instruction)\n\n"
                if !input.isEmpty { material += "[Input]\n\(input)\n\n" }
            }
        case .chinese:
            if let system, !system.isEmpty { material += "【系统提示】\n\(system)\n\n" }
            if isMultiTurn {
                material += "【对话】\n" + transcript(user: "用户", assistant: "助手", colon: "：") + "\n\n"
            } else {
                material += "【指令】\n\(instruction)\n\n"
                if !input.isEmpty { material += "【输入】\n\(input)\n\n" }
            }
        }
        return material
    }

    /// "User: …" / "Assistant: …" lines; tool turns keep the role their source gave them.
    private func transcript(user: String, assistant: String, colon: String) -> String {
        conversation.map { turn in
            let label = turn.role == "user" ? user : turn.role == "assistant" ? assistant : turn.role
            return label + colon + turn.text
        }.joined(separator: "\n")
    }
}
