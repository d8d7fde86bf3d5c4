import LLM

/// The chat `complete` sends for a question drawn from a document (`instructions.chunk_id` set): the passage
/// as reference material, then the question, asking for an answer based on the passage only (`doc-answer@1`).
public enum GroundedAnswerPrompt {
    public static let templateID = PromptTemplateID(name: "doc-answer", version: 1)

    public static func messages(question: String, passage: String, system: String?, language: PromptLanguage) -> [ChatMessage] {
        var messages: [ChatMessage] = []
        if let system, !system.isEmpty { messages.append(.system(system)) }
        switch language {
        case .english:
            messages.append(.user("""
                Reference material:
                \"\"\"
                \(passage)
                \"\"\"

                Using only the reference material above, answer the question below completely and in your own words. \
                Do not mention the reference material in the answer.

                Question: \(question)
                """))
        case .chinese:
            messages.append(.user("""
                参考资料：
                \"\"\"
                \(passage)
                \"\"\"

                请只依据上面的参考资料，用自己的话完整地回答下面的问题。回答中不要提及"参考资料"。

                问题：\(question)
                """))
        }
        return messages
    }
}
