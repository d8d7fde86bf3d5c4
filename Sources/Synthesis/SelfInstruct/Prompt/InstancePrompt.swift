import LLM

/// Asks for input/output instances of a task. Ordinary tasks are input-first (invent an input, then answer
/// it); classification tasks are output-first (pick a label, then write an input that has it), which keeps
/// labels balanced instead of skewed to the most obvious class.
public struct InstancePrompt: Sendable {
    public static let inputFirstEnglish = PromptTemplateID(name: "self-instruct-instances-input-first-en", version: 1)
    public static let inputFirstChinese = PromptTemplateID(name: "self-instruct-instances-input-first-zh", version: 1)
    public static let outputFirstEnglish = PromptTemplateID(name: "self-instruct-instances-output-first-en", version: 1)
    public static let outputFirstChinese = PromptTemplateID(name: "self-instruct-instances-output-first-zh", version: 1)

    public var language: PromptLanguage
    public var outputFirst: Bool
    public var maxInstances: Int

    public init(language: PromptLanguage, outputFirst: Bool, maxInstances: Int = 5) {
        self.language = language
        self.outputFirst = outputFirst
        self.maxInstances = max(1, maxInstances)
    }

    public var templateID: PromptTemplateID {
        switch (outputFirst, language) {
        case (false, .english): Self.inputFirstEnglish
        case (false, .chinese): Self.inputFirstChinese
        case (true, .english): Self.outputFirstEnglish
        case (true, .chinese): Self.outputFirstChinese
        }
    }

    public func text(instruction: String) -> String {
        let task = TaskGenerationPrompt.oneLine(instruction)
        switch (outputFirst, language) {
        case (false, .english):
            return """
                For the task below, write up to \(maxInstances) examples. Each example has an input and the \
                correct output. If the task needs no extra input, write "Input: <none>". Use this layout:

                Task: Convert the temperature from Celsius to Fahrenheit.
                Example 1
                Input: 25 °C
                Output: 77 °F
                Example 2
                Input: -10 °C
                Output: 14 °F

                Task: Suggest a name for a new hiking club.
                Example 1
                Input: <none>
                Output: Summit Seekers

                Task: \(task)
                """
        case (false, .chinese):
            return """
                请为下面的任务写出最多 \(maxInstances) 个示例，每个示例包含输入和正确的输出。\
                如果任务不需要额外输入，请写“输入：<无>”。格式如下：

                任务：把摄氏温度换算成华氏温度。
                示例 1
                输入：25 °C
                输出：77 °F
                示例 2
                输入：-10 °C
                输出：14 °F

                任务：为一个新的徒步俱乐部起个名字。
                示例 1
                输入：<无>
                输出：山顶追寻者

                任务：\(task)
                """
        case (true, .english):
            return """
                The task below is a classification task. For each possible class label, write an input that \
                belongs to it; up to \(maxInstances) examples in total. Write the label first, then the input:

                Task: Decide whether the sentence expresses a positive or a negative feeling.
                Class label: Positive
                Input: The new café around the corner makes the best coffee I have had all year.
                Class label: Negative
                Input: The train was late again and nobody told us why.

                Task: \(task)
                """
        case (true, .chinese):
            return """
                下面是一个分类任务。请为每个可能的类别标签写出一个属于该类别的输入，总共最多 \(maxInstances) 个示例。\
                先写标签，再写输入：

                任务：判断这句话表达的是正面情绪还是负面情绪。
                类别标签：正面
                输入：街角新开的咖啡馆做的咖啡是我今年喝过最好的。
                类别标签：负面
                输入：火车又晚点了，也没有人告诉我们原因。

                任务：\(task)
                """
        }
    }

    public func messages(instruction: String) -> [ChatMessage] { [.user(text(instruction: instruction))] }
}
