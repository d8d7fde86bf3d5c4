/// Lays out one review screen for a terminal of `columns` × `rows`: a header line, the example's text wrapped
/// to the width (CJK-aware) in a scrollable body, a status line and the key line. 80 × 24 is the design size.
struct ReviewScreen {
    let columns: Int
    let rows: Int

    static let keyLine = "a accept  r reject  e edit  s skip  u undo  q quit  space/b scroll"
    static let bold = "\u{1B}[1m", reverse = "\u{1B}[7m", red = "\u{1B}[31m", green = "\u{1B}[32m", plain = "\u{1B}[0m"

    /// Lines available for the body.
    var bodyHeight: Int { max(rows - 3, 1) }

    /// Every body line of `item`, before scrolling.
    func body(_ item: ReviewItem) -> [String] {
        var lines: [String] = []
        if item.failures.isEmpty {
            lines.append(item.passedRules > 0 ? "rules: \(item.passedRules) passed, none failed" : "rules: not checked yet")
        } else {
            for failure in item.failures {
                let text = "✗ \(failure.filter): \(failure.reason)"
                lines.append(Self.red + TerminalText.truncated(text, width: columns) + Self.plain)
            }
        }
        if !item.scores.isEmpty {
            lines.append("scores: " + item.scores.map { "\($0.scorer) \(Self.number($0.value))" }.joined(separator: " · "))
        }
        if let human = item.humanVerdict {
            let text = human.passed ? "decided: accepted" : "decided: rejected (\(human.reason ?? ""))"
            lines.append(TerminalText.truncated(text, width: columns))
        }
        if let system = item.system, !system.isEmpty { section("system", system, into: &lines) }
        for turn in item.turns { section(turn.role, turn.text, into: &lines) }
        section("instruction", item.instruction, into: &lines)
        if !item.input.isEmpty { section("input", item.input, into: &lines) }
        section("output", item.output ?? "(no answer yet: e writes one)", into: &lines)
        return lines
    }

    private func section(_ title: String, _ text: String, into lines: inout [String]) {
        lines.append(Self.bold + title + Self.plain)
        lines.append(contentsOf: TerminalText.wrap(text, width: columns - 2).map { "  " + $0 })
    }

    /// The whole screen: clear, header, `bodyHeight` lines from `scroll`, status and keys.
    func render(_ item: ReviewItem, position: Int, total: Int, scroll: Int, message: String?) -> String {
        let lines = body(item)
        let start = min(max(scroll, 0), max(lines.count - bodyHeight, 0))
        let visible = lines[start..<min(lines.count, start + bodyHeight)]
        let subject = "#\(item.instructionID)" + (item.completionID.map { "/\($0)" } ?? "")
        let header = "review \(position)/\(total) · \(subject) · \(item.origin) · \(item.language)"
        var out = "\u{1B}[H\u{1B}[2J"
        out += Self.reverse + TerminalText.truncated(header, width: columns) + Self.plain + "\r\n"
        for line in visible { out += line + "\r\n" }
        for _ in visible.count..<bodyHeight { out += "\r\n" }
        let more = lines.count > bodyHeight
            ? "lines \(start + 1)–\(start + visible.count) of \(lines.count)" : ""
        out += TerminalText.truncated([message ?? "", more].filter { !$0.isEmpty }.joined(separator: " · "), width: columns)
            + "\r\n"
        out += TerminalText.truncated(Self.keyLine, width: columns)
        return out
    }

    /// The screen after the last example.
    func finished(total: Int, counts: String, message: String?) -> String {
        var out = "\u{1B}[H\u{1B}[2J"
        out += "review finished: \(total) examples shown\r\n\(counts)\r\n"
        if let message { out += TerminalText.truncated(message, width: columns) + "\r\n" }
        return out + "u undo the last decision · any other key quits"
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(Double(Int((value * 100).rounded())) / 100)
    }
}
