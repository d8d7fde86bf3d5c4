import Curation
import LLM

/// `--grounding judge`: asks a model whether an answer is fully supported by its passage (`doc-judge@1`),
/// replying `SUPPORTED` or `UNSUPPORTED` (`支持` / `不支持`) on the first line. `verdict(in:)` reads the reply;
/// nil when it says neither.
public enum GroundingJudgePrompt {
    public static let templateID = PromptTemplateID(name: "doc-judge", version: 1)

    public static func messages(question: String, answer: String, passage: String, language: PromptLanguage) -> [ChatMessage] {
        switch language {
        case .english:
            return [.user("""
                Decide whether every claim in the answer is stated in, or follows directly from, the passage.

                Passage:
                \"\"\"
                \(passage)
                \"\"\"

                Question: \(question)
                Answer: \(answer)

                Reply with one word on the first line: SUPPORTED or UNSUPPORTED. You may give a one-sentence reason on the next line.
                """)]
        case .chinese:
            return [.user("""
                请判断回答中的每一项内容是否都在下面的文字中有明确说明，或能直接从中推出。

                文字：
                \"\"\"
                \(passage)
                \"\"\"

                问题：\(question)
                回答：\(answer)

                第一行只回答一个词："支持"或"不支持"。第二行可以用一句话说明理由。
                """)]
        }
    }

    /// true = supported, false = not, nil = unreadable.
    public static func verdict(in reply: String) -> Bool? {
        let text = (ReasoningBlock.visibleText(reply) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        let first = text.split(whereSeparator: \.isNewline).first.map { $0.uppercased() } ?? ""
        if first.contains("UNSUPPORTED") || first.contains("不支持") || first.contains("NOT SUPPORTED") { return false }
        if first.contains("SUPPORTED") || first.contains("支持") { return true }
        return nil
    }
}
