/// How a refusal cue is confirmed once the phrase is found (see `RefusalLexicon`).
public enum RefusalCueKind: Sendable, Equatable {
    /// A whole declining phrase ("not something I", "I must decline", "恕难从命"): counts unless quoted or
    /// said of someone else.
    case phrase
    /// A negated ability or willingness ("can't", "won't be", "unable", "无法", "不方便"): counts when the
    /// speaker is the writer (I/we, 我) and a task verb follows ("help", "provide", "提供", "回答") or the
    /// clause ends there ("I won't.").
    case modal
    /// The Chinese potential complement "V不了" ("读取不了", "提供不了"): counts when a task verb comes before it.
    case potential
    /// "超出…范围/能力" in Chinese: counts when the writer's own scope is meant (我, 本助手…) .
    case scope
}
