import Curation
import Foundation

/// Elimination rule 1: ask a model whether the evolved instruction gains anything over its parent, and read
/// its one-word answer robustly (English or Chinese, with or without explanation).
public enum InformationGainCheck {
    /// The comparison prompt, in the parent's language.
    public static func prompt(parent: String, evolved: String, language: PromptLanguage) -> String {
        switch language {
        case .english:
            return """
                Compare the two instructions below. Decide whether the second one asks for anything the first \
                does not: a new constraint or requirement, more depth or breadth, a more specific subject, or \
                additional input to work with.
                Answer with a single word: EQUAL if the second instruction adds nothing, or DIFFERENT if it \
                adds something. Do not explain.

                First instruction:
                <<<
                \(parent)
                >>>

                Second instruction:
                <<<
                \(evolved)
                >>>

                Answer:
                """
        case .chinese:
            return """
                请比较下面两条指令，判断第二条是否提出了第一条没有的内容：新的约束或要求、更深或更广的探讨、\
                更具体的对象，或需要处理的额外输入。
                只回答一个词：如果第二条没有增加任何内容，回答“相同”；如果有所增加，回答“不同”。不要解释。

                第一条指令：
                <<<
                \(parent)
                >>>

                第二条指令：
                <<<
                \(evolved)
                >>>

                回答：
                """
        }
    }

    /// Phrases meaning "the second instruction adds something". Checked before `noGainPhrases` at each
    /// position, so that "not equal" and "不相同" are not read as "equal" and "相同".
    static let gainPhrases: [String] = [
        "not equal", "not the same", "not identical", "not equivalent", "unequal", "different", "differs",
        "adds something", "不相同", "不一样", "不同", "不等同", "不相等", "不等", "有区别", "有差异", "增加了",
    ]

    /// Phrases meaning "the two instructions are equivalent".
    static let noGainPhrases: [String] = [
        "equal", "the same", "same", "identical", "equivalent", "adds nothing", "no gain",
        "相同", "一样", "等同", "相等", "没有增加", "无区别", "没有区别",
    ]

    /// Reads the judge's reply. The first decisive phrase wins; no phrase at all gives `.unclear`.
    public static func parse(_ reply: String) -> InformationGainJudgement {
        // Unfinished reasoning has no verdict yet, whatever words it contains.
        guard let text = ReasoningBlock.visibleText(reply)?.lowercased() else { return .unclear }
        var index = text.startIndex
        while index < text.endIndex {
            let rest = text[index...]
            if gainPhrases.contains(where: { rest.hasPrefix($0) && startsWord(text, at: index) }) {
                return .gain
            }
            if noGainPhrases.contains(where: { rest.hasPrefix($0) && startsWord(text, at: index) }) {
                return .noGain
            }
            index = text.index(after: index)
        }
        return .unclear
    }

    /// True when `index` does not sit inside a Latin word ("unequal" must not match "equal" at offset 2).
    /// CJK text has no word boundaries, so any position counts.
    private static func startsWord(_ text: String, at index: String.Index) -> Bool {
        guard index > text.startIndex else { return true }
        let previous = text[text.index(before: index)]
        if text[index].isCJK { return true }
        return !(previous.isLetter && !previous.isCJK)
    }

    /// The elimination for a judge reply, or nil when the evolution is kept.
    public static func elimination(forReply reply: String) -> EvolutionElimination? {
        guard parse(reply) == .noGain else { return nil }
        let shown = reply.trimmingCharacters(in: .whitespacesAndNewlines).prefix(80)
        return EvolutionElimination(
            rule: .noGain, reason: "judge found no information gain over the parent: \"\(shown)\"")
    }
}
