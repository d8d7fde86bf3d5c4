/// The phrases the rule augmenter draws from, per language. `{i}` stands for the instruction and `{d}` for
/// a domain name.
public struct RuleVocabulary: Sendable {
    /// Request forms for imperative instructions ("Explain …").
    public var imperativeForms: [String]
    /// Request forms for instructions that are questions ("Why …?").
    public var questionForms: [String]
    /// Field names for domain transfer.
    public var domains: [String]
    /// Sentences placing the task in a field.
    public var domainForms: [String]
    /// Simple / detailed / expert treatment requests.
    public var complexityForms: [String]
    /// Length, audience, format and tone requirements.
    public var constraints: [String]

    /// The vocabulary for `language`.
    public static func forLanguage(_ language: PromptLanguage) -> RuleVocabulary {
        language == .chinese ? chinese : english
    }

    /// English phrases.
    public static let english = RuleVocabulary(
        imperativeForms: [
            "Please {i}", "Help me {i}", "How would you {i}?", "Complete the following task: {I}",
            "Could you {i}?", "I need you to {i}",
        ],
        questionForms: [
            "Please answer the following question: {I}", "Help me understand this: {I}",
            "Complete the following task: answer the question \"{I}\"", "I'd like to know: {I}",
        ],
        domains: [
            "technology", "education", "medicine", "finance", "entertainment", "law", "agriculture",
            "sports", "tourism", "environmental protection", "manufacturing", "retail",
        ],
        domainForms: [
            "In the field of {d}, {i}", "{I} Relate your answer to the {d} industry.",
            "Imagine you work in {d}. {I}", "{I} Use an example from {d}.",
        ],
        complexityForms: [
            "{I} Explain it simply, as you would to a beginner.",
            "{I} Keep it short and easy to follow.",
            "{I} Give a detailed answer with concrete examples.",
            "{I} Cover the main points step by step and in depth.",
            "{I} Answer at an expert level, using precise technical terms.",
            "Answer as a seasoned professional would: {I}",
        ],
        constraints: [
            "{I} Keep the answer under 100 words.", "{I} Answer in no more than three sentences.",
            "{I} Write at least 200 words.", "{I} Write it for high-school students.",
            "{I} The audience is managers without a technical background.", "{I} Write it for young children.",
            "{I} Format the answer as a bulleted list.", "{I} Use a Markdown table where it helps.",
            "{I} Start with a one-sentence summary.", "{I} Number each step.",
            "{I} Use a friendly, encouraging tone.", "{I} Keep the tone formal and neutral.",
            "{I} Make it light-hearted and humorous.",
        ])

    /// Chinese phrases.
    public static let chinese = RuleVocabulary(
        imperativeForms: ["请{i}", "帮我{i}", "如何{i}？", "完成以下任务：{i}", "你能{i}吗？", "我需要你{i}"],
        questionForms: ["请回答下面的问题：{i}", "帮我解答：{i}", "完成以下任务：回答“{i}”", "我想知道：{i}"],
        domains: ["科技", "教育", "医疗", "金融", "娱乐", "法律", "农业", "体育", "旅游", "环保", "制造业", "零售"],
        domainForms: ["在{d}领域，{i}", "{i}请结合{d}行业来回答。", "假设你在{d}行业工作，{i}", "{i}请举一个{d}领域的例子。"],
        complexityForms: [
            "请用通俗易懂的语言回答：{i}", "{i}请简单说明，让初学者也能看懂。", "{i}请详细说明，并举例。",
            "{i}请分步骤深入地讲解。", "请以专业的方式回答：{i}", "请以资深专家的角度回答：{i}",
        ],
        constraints: [
            "{i}回答不超过100字。", "{i}请用三句话以内回答。", "{i}回答不少于300字。", "{i}请面向中学生来写。",
            "{i}读者是没有技术背景的管理者。", "{i}请写给小朋友看。", "{i}请用列表的形式回答。",
            "{i}请在合适的地方使用表格。", "{i}先用一句话概括，再展开说明。", "{i}请给每个步骤编号。",
            "{i}语气要亲切、鼓励人。", "{i}语气要正式、客观。", "{i}请写得轻松幽默一些。",
        ])
}
