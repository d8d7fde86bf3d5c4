import Foundation
import LLM

/// The Self-Instruct prompt that shows pool tasks as a numbered list and asks for new ones continuing it.
/// Wording is ours; the shape (8 examples, continue the numbering) follows the Self-Instruct paper.
public struct TaskGenerationPrompt: Sendable {
    public static let english = PromptTemplateID(name: "self-instruct-generate-en", version: 1)
    public static let chinese = PromptTemplateID(name: "self-instruct-generate-zh", version: 1)

    public var language: PromptLanguage
    /// How many new tasks to ask for in one call.
    public var requestedCount: Int

    public init(language: PromptLanguage, requestedCount: Int = 8) {
        self.language = language
        self.requestedCount = max(1, requestedCount)
    }

    public var templateID: PromptTemplateID { language == .chinese ? Self.chinese : Self.english }

    /// The prompt text for these example instructions (seeds first, then machine-made ones).
    public func text(examples: [String]) -> String {
        let list = examples.enumerated().map { "\($0.offset + 1). \(Self.oneLine($0.element))" }.joined(separator: "\n")
        let next = examples.count + 1
        switch language {
        case .english:
            return """
                We are collecting a varied set of tasks to train a helpful AI assistant. Below are \(examples.count) \
                example tasks. Write \(requestedCount) new tasks that differ from the examples and from each other \
                in topic, form and difficulty. Mix the kinds of task: open questions, writing, rewriting, \
                classification, reasoning, advice, coding, information extraction. Every task must be doable by a \
                text-only assistant, so do not ask for images, audio, video, files or actions in the physical world. \
                Give each task as a single instruction on its own numbered line, without an answer.

                Example tasks:
                \(list)

                New tasks (continue the numbering from \(next)):
                """
        case .chinese:
            return """
                我们正在收集多样化的任务，用来训练一个乐于助人的 AI 助手。下面是 \(examples.count) 个示例任务。\
                请写出 \(requestedCount) 个新任务，在主题、形式和难度上都要与示例以及彼此之间有所不同。\
                任务类型可以多样：开放式问答、写作、改写、分类、推理、建议、编程、信息抽取等。\
                每个任务都必须能由只处理文字的助手完成，因此不要涉及图片、音频、视频、文件或现实世界中的操作。\
                每个任务写成一条指令，单独占一行并编号，不要给出答案。请用中文书写。

                示例任务：
                \(list)

                新任务（从 \(next) 开始继续编号）：
                """
        }
    }

    /// The prompt as a one-message chat request body.
    public func messages(examples: [String]) -> [ChatMessage] {
        [.user(text(examples: examples))]
    }

    /// Newlines inside an example would break the numbered list; fold them into spaces.
    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }
}
