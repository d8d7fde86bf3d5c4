import Foundation

/// Text prepared for a terminal: control characters from the data made visible (an ESC in a row must not move
/// the cursor or recolour the screen) and lines wrapped to a width in terminal columns, where CJK and other
/// East Asian wide characters take two (`DisplayWidth`). Latin text breaks at spaces; CJK text and words longer
/// than a line break between any two characters.
public enum TerminalText {
    /// `text` with tabs as four spaces, carriage returns dropped, and other C0/C1 controls and DEL shown as
    /// U+FFFD. Newlines are kept.
    public static func sanitized(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x0A: out.append(scalar)
            case 0x09: out.append(contentsOf: "    ".unicodeScalars)
            case 0x0D: continue
            case 0..<0x20, 0x7F, 0x80..<0xA0: out.append("\u{FFFD}")
            default: out.append(scalar)
            }
        }
        return String(out)
    }

    /// The lines of `text` wrapped to at most `width` columns (≥ 2). Empty lines are kept.
    public static func wrap(_ text: String, width: Int) -> [String] {
        let width = max(width, 2)
        var lines: [String] = []
        for paragraph in sanitized(text).split(separator: "\n", omittingEmptySubsequences: false) {
            wrapParagraph(paragraph, width: width, into: &lines)
        }
        return lines
    }

    private static func wrapParagraph(_ paragraph: Substring, width: Int, into lines: inout [String]) {
        var line = ""
        var lineWidth = 0
        // Where the current line could break: the index after its last space, and the width up to there.
        var lastSpace: String.Index? = nil
        for character in paragraph {
            let characterWidth = DisplayWidth.of(String(character))
            if lineWidth + characterWidth > width {
                if character == " " {
                    lines.append(line)
                    line = ""; lineWidth = 0; lastSpace = nil
                    continue
                }
                if let breakAt = lastSpace, breakAt < line.endIndex {
                    let carried = String(line[breakAt...])
                    lines.append(String(line[..<breakAt]).trimmingTrailingSpaces)
                    line = carried
                    lineWidth = DisplayWidth.of(carried)
                    if lineWidth + characterWidth > width {
                        lines.append(line)
                        line = ""; lineWidth = 0
                    }
                } else {
                    lines.append(line.trimmingTrailingSpaces)
                    line = ""; lineWidth = 0
                }
                lastSpace = nil
            }
            line.append(character)
            lineWidth += characterWidth
            if character == " " { lastSpace = line.endIndex }
        }
        lines.append(line.trimmingTrailingSpaces)
    }

    /// `text` on one line (newlines shown as `newline`), cut to `width` columns with "…" when cut: for headers
    /// and table cells.
    public static func truncated(_ text: String, width: Int, newline: String = " ") -> String {
        let clean = sanitized(text).replacingOccurrences(of: "\n", with: newline)
        guard DisplayWidth.of(clean) > width else { return clean }
        var out = ""
        var used = 0
        for character in clean {
            let w = DisplayWidth.of(String(character))
            if used + w > width - 1 { break }
            out.append(character)
            used += w
        }
        return out + "…"
    }
}

private extension String {
    var trimmingTrailingSpaces: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
