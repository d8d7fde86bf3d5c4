import Foundation

/// Extracts the items of a numbered list from model output, tolerating the many ways models number things:
/// `1.`, `1)`, `1、`, `（1）`, `(1)`, `Task 9:`, `任务9：`, `9:`, full-width digits (`７．`), Chinese numerals
/// (`七、`, `十二、`), markdown headings and bold around the number (`**Task 7:**`, `### 7.`), stray
/// `Instruction:` / `指令：` labels, and blank lines. Text before the first item and chatter after a blank
/// line is ignored; an indented or directly following line continues the current item.
public enum NumberedListParser {
    /// The items in order. When `finishReason` is `length` the last item may be cut off and is dropped.
    public static func items(in text: String, finishReason: String? = nil) -> [String] {
        var items: [String] = []
        var current: [String]?
        var sawBlank = false

        func flush() {
            if let lines = current {
                let item = clean(lines.joined(separator: "\n"))
                if !item.isEmpty { items.append(item) }
            }
            current = nil
        }

        for rawLine in text.components(separatedBy: .newlines) {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty {
                sawBlank = true
                continue
            }
            if let content = itemContent(of: line) {
                flush()
                current = [content]
                sawBlank = false
            } else if current != nil {
                if sawBlank {
                    // A paragraph after a blank line is commentary ("I hope these help"), not part of the item.
                    flush()
                } else {
                    current?.append(line)
                }
            }
        }
        flush()
        if finishReason == "length", !items.isEmpty { items.removeLast() }
        return items
    }

    /// If the line starts a list item, its text after the number; otherwise nil.
    static func itemContent(of line: String) -> String? {
        var rest = Substring(line)
        rest = rest.drop { $0 == "*" || $0 == "#" || $0 == " " }  // markdown bold/heading around the number
        if let labelled = stripLabelledNumber(rest) { return String(labelled) }
        if let parenthesised = stripParenthesisedNumber(rest) { return String(parenthesised) }
        if let plain = stripPlainNumber(rest) { return String(plain) }
        return nil
    }

    /// `Task 9:`, `Task 9.`, `任务9：`, `指令 9、`, `Instruction 9:`, `Question 3)`.
    private static func stripLabelledNumber(_ text: Substring) -> Substring? {
        for label in ["task", "instruction", "question", "prompt", "任务", "指令", "问题", "题目"] {
            guard text.lowercased().hasPrefix(label) else { continue }
            var rest = text.dropFirst(label.count).drop { $0 == " " || $0 == "#" || $0 == "＃" }
            let digits = rest.prefix(while: isDigit)
            guard !digits.isEmpty else { continue }
            rest = rest.dropFirst(digits.count).drop { $0 == " " || $0 == "*" || $0 == "_" }
            guard let mark = rest.first, ":：.．、)）".contains(mark) else { continue }
            return afterMark(rest.dropFirst())
        }
        return nil
    }

    /// `(1)`, `（1）`, `【1】`.
    private static func stripParenthesisedNumber(_ text: Substring) -> Substring? {
        guard let open = text.first, "(（【[".contains(open) else { return nil }
        var rest = text.dropFirst().drop { $0 == " " }
        let digits = rest.prefix(while: isDigit)
        guard !digits.isEmpty else { return nil }
        rest = rest.dropFirst(digits.count).drop { $0 == " " }
        guard let close = rest.first, ")）】]".contains(close) else { return nil }
        return afterMark(rest.dropFirst())
    }

    /// `1.`, `1)`, `1、`, `1:`, `1：`, `1．`, `1 -`, but not `1.5 liters` or `2023 was`.
    private static func stripPlainNumber(_ text: Substring) -> Substring? {
        if let chinese = stripChineseNumeral(text) { return chinese }
        let digits = text.prefix(while: isDigit)
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        var rest = text.dropFirst(digits.count)
        let afterSpaces = rest.drop { $0 == " " }
        guard let mark = afterSpaces.first else { return nil }
        if ".．".contains(mark) {
            let next = afterSpaces.dropFirst().first
            if let next, next.isNumber { return nil }
            return afterMark(afterSpaces.dropFirst())
        }
        if "、:：)）".contains(mark) { return afterMark(afterSpaces.dropFirst()) }
        if mark == "-" || mark == "–", afterSpaces.count < rest.count {
            rest = afterSpaces.dropFirst()
            return rest
        }
        return nil
    }

    /// ASCII or full-width (`０`–`９`) decimal digits.
    static func isDigit(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return (0x30...0x39).contains(scalar.value) || (0xFF10...0xFF19).contains(scalar.value)
    }

    /// `七、`, `十二、`, `三．`: up to four Chinese numeral characters followed by `、`, `．` or `.`.
    private static func stripChineseNumeral(_ text: Substring) -> Substring? {
        let numerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "百", "零", "〇", "两"]
        let digits = text.prefix { numerals.contains($0) }
        guard !digits.isEmpty, digits.count <= 4 else { return nil }
        let rest = text.dropFirst(digits.count)
        guard let mark = rest.first, "、．.".contains(mark) else { return nil }
        return afterMark(rest.dropFirst())
    }

    /// The text after a list mark, without the closing markup of a bold or italic number (`**7.**`).
    private static func afterMark(_ text: Substring) -> Substring {
        text.drop { $0 == "*" || $0 == "_" || $0 == " " }
    }

    /// Removes leading labels (`Instruction:`, `指令：`), markdown emphasis and wrapping quotes.
    static func clean(_ item: String) -> String {
        var text = item.trimmingCharacters(in: .whitespacesAndNewlines)
        var changed = true
        while changed {
            changed = false
            for wrapper in ["**", "__"] where text.hasPrefix(wrapper) {
                text = String(text.dropFirst(wrapper.count))
                if let end = text.range(of: wrapper) { text.removeSubrange(end) }
                text = text.trimmingCharacters(in: .whitespaces)
                changed = true
            }
            for label in ["instruction", "task", "new task", "prompt", "指令", "任务", "新任务", "问题"] {
                let lowered = text.lowercased()
                guard lowered.hasPrefix(label) else { continue }
                let rest = text.dropFirst(label.count).drop { $0 == " " || $0 == "*" }
                if let mark = rest.first, ":：".contains(mark) {
                    text = String(rest.dropFirst()).trimmingCharacters(in: .whitespaces)
                    changed = true
                }
            }
        }
        let quotePairs: [(Character, Character)] = [("\"", "\""), ("“", "”"), ("「", "」"), ("'", "'")]
        for (open, close) in quotePairs where text.count >= 2 && text.first == open && text.last == close {
            let inner = text.dropFirst().dropLast()
            if !inner.contains(open) && !inner.contains(close) { text = String(inner) }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
