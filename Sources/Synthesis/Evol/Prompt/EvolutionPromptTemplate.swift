/// The prompts dsbench sends to evolve an instruction, in English and Chinese, written for this project.
///
/// `name` and `version` are recorded on every run (`runs.template`) and are part of each request, so that a
/// wording change never reuses answers cached for the old wording.
public enum EvolutionPromptTemplate {
    /// Template family name.
    public static let name = "dsbench-evol"
    /// Bump whenever any wording below changes.
    public static let version = 1
    /// `name@version`, as stored in `runs.template`.
    public static var identifier: String { "\(name)@\(version)" }

    /// The user message asking a model to evolve `instruction` with `strategy`.
    /// An instruction's separate input (self-instruct / Alpaca `input`) is shown with it so that the rewrite
    /// keeps it; the model is told to keep code, tables and inputs unchanged.
    public static func prompt(
        for strategy: EvolutionStrategy, instruction: String, input: String = "", language: PromptLanguage
    ) -> String {
        let given = input.isEmpty ? instruction : instruction + "\n\n" + input
        switch language {
        case .english: return englishPrompt(strategy, given)
        case .chinese: return chinesePrompt(strategy, given)
        }
    }

    /// The labels and phrases of our own templates (and the ones models learned from the original
    /// Evol-Instruct data) whose appearance in an evolved instruction means the wording leaked.
    public static let leakPhrases: [String] = [
        "#rewritten prompt#", "#the given prompt#", "#given prompt#", "#created prompt#",
        "given prompt", "rewritten prompt", "created prompt",
        "#given instruction#", "#rewritten instruction#", "#new instruction#",
        "rewritten instruction",
        "#原始指令#", "#改写后的指令#", "#新指令#", "原始指令", "改写后的指令",
    ]

    private static func englishPrompt(_ strategy: EvolutionStrategy, _ given: String) -> String {
        if strategy == .breadth {
            return """
                You are helping to build a varied set of tasks for an AI assistant. Read the instruction below \
                and use it only as inspiration: write one brand-new instruction that stays in the same subject \
                area but asks for something rarer and less commonly requested. The new instruction should be \
                about as long and as difficult as the original, and a person must be able to understand and \
                answer it.
                Reply with the new instruction only. Do not copy the labels below and do not refer to \
                "the given instruction".

                #Given Instruction#
                \(given)

                #New Instruction#
                """
        }
        return """
            You are helping to make tasks for an AI assistant more demanding. Rewrite the instruction below into \
            a harder version that popular AI assistants would find more difficult to handle well, while a person \
            can still understand it and answer it.
            Keep everything that is not plain prose exactly as it is: code, tables, formulas and any input the \
            instruction comes with. Do not drop any part of the original task.
            Make it harder in this way: \(englishMethod(strategy))
            The rewrite should add only about 10 to 20 words; do not pad it.
            Reply with the rewritten instruction only. Do not copy the labels below and do not refer to \
            "the given instruction" or "the rewritten instruction".

            #Given Instruction#
            \(given)

            #Rewritten Instruction#
            """
    }

    private static func englishMethod(_ strategy: EvolutionStrategy) -> String {
        switch strategy {
        case .constraints:
            return "add exactly one further constraint or requirement that the answer must satisfy."
        case .deepen:
            return "where the instruction asks about a particular issue, widen and deepen what it asks, so a good "
                + "answer must go further into the topic."
        case .concretize:
            return "replace general concepts with more specific, concrete ones (a named case, a number, a "
                + "particular setting)."
        case .reasoning:
            return "if the task can be solved in one or two obvious steps, rephrase it so that it explicitly "
                + "requires reasoning through several steps."
        case .complicateInput:
            return "attach a small piece of structured input the task must work with, such as a table, a code "
                + "snippet, JSON data or a formula, and make the instruction depend on it."
        case .breadth:
            return ""
        }
    }

    private static func chinesePrompt(_ strategy: EvolutionStrategy, _ given: String) -> String {
        if strategy == .breadth {
            return """
                你正在为一个 AI 助手编写多样化的任务。请阅读下面的指令，只把它当作灵感：写出一条全新的指令，\
                它与原指令属于同一领域，但所问的内容更少见、更不常被问到。新指令的长度和难度应与原指令相当，\
                并且必须能让人读懂、能够作答。
                只输出新指令本身，不要照抄下面的标签，也不要提到“原始指令”。

                #原始指令#
                \(given)

                #新指令#
                """
        }
        return """
            你正在帮助把 AI 助手的任务变得更有挑战性。请把下面的指令改写成一个更难的版本，让常见的 AI 助手更难\
            处理好，但人仍然能读懂并作答。
            代码、表格、公式以及指令附带的输入内容必须原样保留，不要删去原任务的任何部分。
            改写方式：\(chineseMethod(strategy))
            改写后只比原指令多出大约 20 到 40 个字，不要堆砌内容。
            只输出改写后的指令本身，不要照抄下面的标签，也不要提到“原始指令”或“改写后的指令”。

            #原始指令#
            \(given)

            #改写后的指令#
            """
    }

    private static func chineseMethod(_ strategy: EvolutionStrategy) -> String {
        switch strategy {
        case .constraints: return "增加一条回答必须满足的约束或要求。"
        case .deepen: return "如果指令涉及某个具体问题，就加深并拓宽提问的深度和广度，使好的回答必须更深入地探讨。"
        case .concretize: return "把笼统的概念换成更具体的内容，例如具体的案例、数字或场景。"
        case .reasoning: return "如果这个任务一两步就能完成，请改写成明确要求分多个步骤推理的形式。"
        case .complicateInput: return "附加一段任务必须使用的结构化输入，例如表格、代码片段、JSON 数据或公式，并让指令依赖它。"
        case .breadth: return ""
        }
    }
}
