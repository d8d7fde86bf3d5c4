import Foundation
import LLM

/// Asks whether a task is a classification task (its output comes from a small set of labels), few-shot,
/// answered Yes/No (是/否). Classification tasks get output-first instance generation.
public struct ClassificationPrompt: Sendable {
    public static let english = PromptTemplateID(name: "self-instruct-classify-en", version: 1)
    public static let chinese = PromptTemplateID(name: "self-instruct-classify-zh", version: 1)

    public var language: PromptLanguage

    public init(language: PromptLanguage) {
        self.language = language
    }

    public var templateID: PromptTemplateID { language == .chinese ? Self.chinese : Self.english }

    private static let englishExamples: [(String, Bool)] = [
        ("Decide whether the following movie review is positive or negative.", true),
        ("Suggest three names for a bakery that sells only sourdough bread.", false),
        ("Tell me which of these animals is a mammal: shark, dolphin, trout.", true),
        ("Explain why the sky looks blue in the daytime.", false),
        ("Is the following statement a fact or an opinion?", true),
        ("Rewrite this paragraph so that a ten-year-old can understand it.", false),
        ("Label the topic of this news headline as sports, politics, business or science.", true),
        ("Write a short poem about the first snow of winter.", false),
    ]

    private static let chineseExamples: [(String, Bool)] = [
        ("判断下面这条电影评论是正面的还是负面的。", true),
        ("为一家只卖酸面包的面包店起三个名字。", false),
        ("下列动物中哪一个是哺乳动物：鲨鱼、海豚、鳟鱼？", true),
        ("解释一下为什么白天的天空看起来是蓝色的。", false),
        ("下面这句话陈述的是事实还是观点？", true),
        ("把这段话改写成十岁孩子能看懂的样子。", false),
        ("把这条新闻标题的主题归类为体育、政治、商业或科学。", true),
        ("写一首关于冬天第一场雪的短诗。", false),
    ]

    /// The prompt text for one instruction.
    public func text(instruction: String) -> String {
        switch language {
        case .english:
            let shots = Self.englishExamples.map { "Task: \($0.0)\nClassification task: \($0.1 ? "Yes" : "No")" }
            return """
                A task is a classification task when its answer is one of a small, fixed set of labels \
                (for example yes/no, positive/negative, a category name). Answer Yes or No for the last task.

                \(shots.joined(separator: "\n\n"))

                Task: \(TaskGenerationPrompt.oneLine(instruction))
                Classification task:
                """
        case .chinese:
            let shots = Self.chineseExamples.map { "任务：\($0.0)\n是否为分类任务：\($0.1 ? "是" : "否")" }
            return """
                如果一个任务的答案来自一个固定的小标签集合（例如是/否、正面/负面、某个类别名），它就是分类任务。\
                请对最后一个任务只回答“是”或“否”。

                \(shots.joined(separator: "\n\n"))

                任务：\(TaskGenerationPrompt.oneLine(instruction))
                是否为分类任务：
                """
        }
    }

    public func messages(instruction: String) -> [ChatMessage] { [.user(text(instruction: instruction))] }

    /// Reads the model's Yes/No (是/否); nil when the answer says neither.
    public static func parseAnswer(_ text: String) -> Bool? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        let firstLine = trimmed.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
        let answer = firstLine.replacingOccurrences(of: "Classification task:", with: "")
            .replacingOccurrences(of: "是否为分类任务：", with: "")
            .trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        if answer.hasPrefix("否") || answer.hasPrefix("不是") { return false }
        if answer.hasPrefix("是") { return true }
        let word = answer.lowercased().prefix { $0.isLetter }
        if word == "yes" || word == "true" { return true }
        if word == "no" || word == "false" { return false }
        return nil
    }
}
