import Curation
import Foundation

/// Pulls the evolved instruction out of a model's reply.
///
/// Models often wrap the answer: "Rewritten prompt: …", "**#Rewritten Instruction#**", "改写后的指令：…",
/// or quote it. Only such wrappers are removed; the body (code, tables) is left untouched, and whatever
/// template wording remains is caught later by the leak rule.
public enum EvolvedInstructionExtractor {
    /// The label words (lowercased) that may introduce the answer, with or without `#`, `*` and a colon.
    static let answerLabels: [String] = [
        "rewritten instruction", "rewritten prompt", "new instruction", "new prompt", "created instruction",
        "created prompt", "evolved instruction", "harder instruction", "instruction", "prompt",
        "改写后的指令", "改写后的提示", "改写后", "新指令", "新的指令", "指令",
    ]

    /// Labels too ordinary to trust in the middle of a reply.
    static let genericLabels: Set<String> = ["instruction", "prompt", "指令"]

    /// The labels of the given text, which a model sometimes echoes before its answer.
    static let givenLabels: [String] = [
        "the given prompt", "given prompt", "given instruction", "original instruction", "原始指令", "给定指令",
    ]

    /// Lines like "Here is the rewritten instruction:" that introduce the answer.
    static let preamblePrefixes: [String] = [
        "here is the rewritten", "here's the rewritten", "here is a rewritten", "here's a rewritten",
        "here is the new", "here's the new", "here is a new", "here's a new", "here is the harder",
        "sure, here", "sure! here", "sure. here", "certainly! here", "certainly, here", "certainly. here",
        "以下是改写", "下面是改写", "以下是新", "下面是新", "好的，以下是", "好的，下面是", "改写如下", "新指令如下",
    ]

    /// The evolved instruction in `reply`, trimmed; empty when nothing usable is left.
    public static func extract(from reply: String) -> String {
        var text = reply.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
        // Unfinished reasoning holds no instruction: an empty result, never the reasoning itself.
        text = (ReasoningBlock.visibleText(text) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        text = textAfterLastAnswerLabelLine(text)
        text = dropLeadingPreambles(text)
        text = stripInlineLabel(text)
        text = unquote(text)
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// When the reply echoes the given text and then labels the answer, keeps what follows the last label
    /// line, e.g. "#Given Prompt#: A\n#Rewritten Prompt#: B" → "B".
    private static func textAfterLastAnswerLabelLine(_ text: String) -> String {
        let lines = text.components(separatedBy: "\n")
        var lastLabel: Int?
        var sawGiven = false
        for (index, line) in lines.enumerated() {
            let key = labelKey(line)
            guard let key else { continue }
            if givenLabels.contains(key) {
                sawGiven = true
            } else if answerLabels.contains(key) {
                // A bare "Instruction:" may be part of the task itself; trust it only at the very start or
                // after an echoed given-text label.
                let generic = genericLabels.contains(key)
                let isFirst = lines[..<index].allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty }
                if sawGiven || isFirst || (!generic && isDecoratedLabel(line)) {
                    lastLabel = index
                }
            }
        }
        guard let lastLabel else { return text }
        let label = lines[lastLabel]
        let rest = lines[(lastLabel + 1)...].joined(separator: "\n")
        let inline = afterLabelSeparator(label)
        return inline.isEmpty ? rest : inline + (rest.isEmpty ? "" : "\n" + rest)
    }

    /// The label a line consists of ("**#Rewritten Prompt#:**" → "rewritten prompt"), or nil when the line
    /// is not just a label (optionally followed by inline text after a colon).
    private static func labelKey(_ line: String) -> String? {
        var head = line.trimmingCharacters(in: .whitespaces)
        if let colon = head.firstIndex(where: { $0 == ":" || $0 == "：" }) {
            head = String(head[..<colon])
        }
        let key = head.trimmingCharacters(in: CharacterSet(charactersIn: "#*_ []【】`>")).lowercased()
        guard !key.isEmpty, key.count <= 24 else { return nil }
        return answerLabels.contains(key) || givenLabels.contains(key) ? key : nil
    }

    /// True when the line is a label marked up as one: `#…#`, `**…**`, `[…]`, `【…】` or ending in a colon.
    private static func isDecoratedLabel(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.hasPrefix("#") || trimmed.hasPrefix("*") || trimmed.hasPrefix("[") || trimmed.hasPrefix("【")
            || trimmed.contains(":") || trimmed.contains("：")
    }

    private static func afterLabelSeparator(_ line: String) -> String {
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return "" }
        return String(line[line.index(after: colon)...])
            .trimmingCharacters(in: CharacterSet(charactersIn: "#* ").union(.whitespaces))
    }

    private static func dropLeadingPreambles(_ text: String) -> String {
        var lines = text.components(separatedBy: "\n")
        while let first = lines.first {
            let lowered = first.trimmingCharacters(in: .whitespaces).lowercased()
            if lowered.isEmpty {
                lines.removeFirst()
                continue
            }
            let isPreamble = preamblePrefixes.contains { lowered.hasPrefix($0) }
                && (lowered.hasSuffix(":") || lowered.hasSuffix("：") || lowered.hasSuffix("."))
            guard isPreamble, lines.count > 1 else { break }
            lines.removeFirst()
        }
        return lines.joined(separator: "\n")
    }

    /// "Rewritten Prompt: Write …" on one line → "Write …".
    private static func stripInlineLabel(_ text: String) -> String {
        guard let firstLine = text.components(separatedBy: "\n").first,
            let colon = firstLine.firstIndex(where: { $0 == ":" || $0 == "：" })
        else { return text }
        let head = firstLine[..<colon].trimmingCharacters(in: CharacterSet(charactersIn: "#*_ []【】`")).lowercased()
        let labels = answerLabels.filter { !genericLabels.contains($0) }
        guard labels.contains(head) else { return text }
        let offset = text.distance(from: text.startIndex, to: colon)
        let after = text.index(text.startIndex, offsetBy: offset + 1)
        return String(text[after...]).trimmingCharacters(in: CharacterSet(charactersIn: "* ").union(.whitespacesAndNewlines))
    }

    /// Removes one pair of quotes around the whole text when the text has no other quote of that kind.
    private static func unquote(_ text: String) -> String {
        let pairs: [(Character, Character)] = [("\"", "\""), ("“", "”"), ("「", "」"), ("『", "』"), ("'", "'")]
        for (open, close) in pairs where text.count >= 2 && text.first == open && text.last == close {
            let inner = text.dropFirst().dropLast()
            if !inner.contains(open) && !inner.contains(close) {
                return String(inner).trimmingCharacters(in: .whitespacesAndNewlines)
            }
        }
        return text
    }
}
