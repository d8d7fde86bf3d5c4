/// Finds the blocks of a document line by line: ATX headings (`#`…`######` + space, Markdown only), fenced
/// code (```` ``` ```` or `~~~` to the matching fence, or the end), tables (consecutive lines starting with `|`)
/// and paragraphs (runs of other non-blank lines).
struct DocumentBlockScanner: Sendable {
    var markdown: Bool

    func blocks(_ scalars: [Unicode.Scalar], lines: LineIndex) -> [DocumentBlock] {
        var blocks: [DocumentBlock] = []
        // Each line's start without leading blanks — all that classifying a line needs (fence, heading mark,
        // table bar, blank) — built once; a heading's full text is read only for headings.
        let contentRanges = (0..<lines.count).map { line -> Range<Int> in
            var start = lines.starts[line], end = lines.ends[line]
            while start < end, scalars[start] == " " || scalars[start] == "\t" { start += 1 }
            while end > start, scalars[end - 1] == " " || scalars[end - 1] == "\t" { end -= 1 }
            return start..<end
        }
        let heads = contentRanges.map { range in
            ScalarText.string(scalars, range.lowerBound..<min(range.upperBound, range.lowerBound + 8))
        }
        func trimmed(_ line: Int) -> String { heads[line] }
        func heading(_ line: Int) -> DocumentBlock.Kind? {
            guard heads[line].hasPrefix("#") else { return nil }
            return self.heading(ScalarText.string(scalars, contentRanges[line]))
        }
        var line = 0
        while line < lines.count {
            let text = trimmed(line)
            if text.isEmpty {
                line += 1
                continue
            }
            if let fence = fenceMarker(text) {
                var last = line + 1
                while last < lines.count, !trimmed(last).hasPrefix(fence) { last += 1 }
                last = min(last, lines.count - 1)
                blocks.append(block(.code, from: line, through: last, lines))
                line = last + 1
                continue
            }
            if markdown, let heading = heading(line) {
                blocks.append(block(heading, from: line, through: line, lines))
                line += 1
                continue
            }
            if text.hasPrefix("|") {
                var last = line
                while last + 1 < lines.count, trimmed(last + 1).hasPrefix("|") { last += 1 }
                blocks.append(block(.table, from: line, through: last, lines))
                line = last + 1
                continue
            }
            var last = line
            while last + 1 < lines.count {
                let next = trimmed(last + 1)
                if next.isEmpty || fenceMarker(next) != nil || next.hasPrefix("|") || (markdown && heading(last + 1) != nil) { break }
                last += 1
            }
            blocks.append(block(.paragraph, from: line, through: last, lines))
            line = last + 1
        }
        return blocks
    }

    private func block(_ kind: DocumentBlock.Kind, from first: Int, through last: Int, _ lines: LineIndex) -> DocumentBlock {
        DocumentBlock(kind: kind, start: lines.starts[first], end: lines.ends[last], lineStarts: Array(lines.starts[first...last]))
    }

    private func fenceMarker(_ text: String) -> String? {
        if text.hasPrefix("```") { return "```" }
        if text.hasPrefix("~~~") { return "~~~" }
        return nil
    }

    private func heading(_ text: String) -> DocumentBlock.Kind? {
        let hashes = text.prefix(while: { $0 == "#" }).count
        guard (1...6).contains(hashes) else { return nil }
        let rest = text.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return nil }
        var title = rest.trimmingCharacters(in: .whitespaces)
        while title.hasSuffix("#") { title.removeLast() }
        return .heading(level: hashes, title: title.trimmingCharacters(in: .whitespaces))
    }
}
