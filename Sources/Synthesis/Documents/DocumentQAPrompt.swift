import LLM

/// The prompt that turns one document chunk into grounded questions (and answers), in English or Chinese
/// after the chunk's language. Our own wording (`doc-qa@1`): diverse questions a reader would ask —
/// factual, explanatory, how-to, comparison — that the passage answers, self-contained (no "the passage"),
/// answers drawn only from the passage, returned as a JSON array.
public struct DocumentQAPrompt: Sendable {
    public var language: PromptLanguage
    public var style: DocumentQAStyle
    public var perChunk: Int

    public static let templateID = PromptTemplateID(name: "doc-qa", version: 1)

    public init(language: PromptLanguage, style: DocumentQAStyle, perChunk: Int) {
        self.language = language
        self.style = style
        self.perChunk = perChunk
    }

    /// The chat messages for one chunk; `headingPath` and `title` give the model the passage's context.
    public func messages(passage: String, headingPath: [String], title: String?) -> [ChatMessage] {
        let context = ([title].compactMap { $0 } + headingPath).filter { !$0.isEmpty }.joined(separator: " > ")
        switch language {
        case .english:
            let shape = style == .qa
                ? #"[{"question": "...", "answer": "..."}]"#
                : #"[{"question": "..."}]"#
            var text = """
                Below is a passage from a document\(context.isEmpty ? "" : " (section: \(context))"). Write \(perChunk) \
                different questions that a reader of this document could ask and that the passage answers. Mix the \
                kinds: a fact, an explanation (why or how something works), a how-to, a comparison.

                Rules:
                - Each question must stand on its own: name the subject instead of saying "the passage", "the text" \
                or "according to the document".
                - Do not ask about anything the passage does not state.

                """
            if style == .qa {
                text += "- Answer each question fully, using only what the passage says, in your own sentences.\n"
            }
            text += "\nReply with a JSON array only, shaped like \(shape).\n\nPassage:\n\"\"\"\n\(passage)\n\"\"\""
            return [.user(text)]
        case .chinese:
            let shape = style == .qa
                ? #"[{"question": "……", "answer": "……"}]"#
                : #"[{"question": "……"}]"#
            var text = """
                下面是一份文档中的一段文字\(context.isEmpty ? "" : "（所在章节：\(context)）")。请提出 \(perChunk) 个不同的问题，\
                这些问题应当是读者阅读该文档时可能会问的，并且都能从这段文字中找到答案。问题类型要多样：事实类、解释类\
                （为什么、如何运作）、操作步骤类、比较类。

                要求：
                - 每个问题都必须独立成立：直接写出所问的对象，不要使用"上文""这段文字""根据文档"之类的说法。
                - 不要问这段文字没有提到的内容。

                """
            if style == .qa {
                text += "- 完整地回答每个问题，只使用这段文字提供的信息，用自己的话表述。\n"
            }
            text += "\n只输出一个 JSON 数组，格式为 \(shape)。\n\n文字：\n\"\"\"\n\(passage)\n\"\"\""
            return [.user(text)]
        }
    }
}
