import LLM

/// Cuts a document into passages for grounded Q&A: by Markdown headings, then paragraphs, at most
/// `maxTokens` estimated tokens each (CJK per character, see `TokenEstimator`), with about `overlap` tokens
/// of whole sentences repeated from the previous passage of the same section.
///
/// Rules: a heading always starts a new passage and names the passages under it (`headingPath`), and a
/// section holding only its heading makes no passage; a fenced
/// code block or a table is never split unless it alone exceeds twice the limit (then at line boundaries);
/// a paragraph is split only between sentences (`.!?` + space, `。！？；`, line breaks), and a sentence longer
/// than the limit is cut at the limit. When a passage would overflow and a block boundary lies in its last
/// 40%, the passage ends there instead of mid-paragraph. Pure: text in, chunks out.
public struct DocumentChunker: Sendable {
    public var maxTokens: Int
    public var overlap: Int
    /// Recognise `#` headings (Markdown); plain text has paragraphs and fences only.
    public var markdown: Bool

    public init(maxTokens: Int = 512, overlap: Int = 64, markdown: Bool = true) {
        self.maxTokens = max(1, maxTokens)
        self.overlap = max(0, min(overlap, maxTokens / 2))
        self.markdown = markdown
    }

    /// A unit the packer never splits: a heading, a whole code block or table (or a line group of an
    /// oversized one), or a sentence.
    struct Piece {
        var start: Int
        var end: Int
        var tokens: Int
        var section: Int
        var startsBlock: Bool
        var isHeading: Bool
        var headingPath: [String]
    }

    public func chunks(of text: String) -> [DocumentChunk] {
        let scalars = Array(text.unicodeScalars)
        let lineIndex = LineIndex(scalars)
        let pieces = self.pieces(blocks: DocumentBlockScanner(markdown: markdown).blocks(scalars, lines: lineIndex), scalars: scalars)
        var result: [DocumentChunk] = []
        var start = 0
        while start < pieces.count {
            var end = start
            var tokens = 0
            while end < pieces.count, pieces[end].section == pieces[start].section {
                if end > start, tokens + pieces[end].tokens > maxTokens { break }
                tokens += pieces[end].tokens
                end += 1
            }
            if end < pieces.count, pieces[end].section == pieces[start].section {
                // Overflow inside a section: prefer a block boundary in the passage's last 40%.
                var running = 0
                var boundary: Int?
                for j in start..<end {
                    if j > start, pieces[j].startsBlock, Double(running) >= 0.6 * Double(maxTokens) { boundary = j }
                    running += pieces[j].tokens
                }
                if let boundary { end = boundary }
            }
            if pieces[start..<end].allSatisfy(\.isHeading) {
                // A section with nothing but its heading (a title right above its first sub-heading, an empty
                // section) has no text to ground a question in: no chunk, so no call is spent on it.
                start = end
                continue
            }
            let first = pieces[start]
            let last = pieces[end - 1]
            let body = ScalarText.string(scalars, first.start..<last.end)
            result.append(DocumentChunk(
                text: body, headingPath: first.headingPath, charStart: first.start, charEnd: last.end,
                lineStart: lineIndex.line(of: first.start), lineEnd: lineIndex.line(of: max(first.start, last.end - 1)),
                tokens: ScalarText.tokens(scalars, first.start..<last.end)))
            guard end < pieces.count, pieces[end].section == first.section, overlap > 0 else {
                start = end
                continue
            }
            // Repeat whole trailing sentences (never a heading) worth at most `overlap` tokens.
            var next = end
            var repeated = 0
            while next - 1 > start, !pieces[next - 1].isHeading, repeated + pieces[next - 1].tokens <= overlap {
                repeated += pieces[next - 1].tokens
                next -= 1
            }
            start = next
        }
        return result
    }

    private func pieces(blocks: [DocumentBlock], scalars: [Unicode.Scalar]) -> [Piece] {
        var pieces: [Piece] = []
        var headings: [(level: Int, title: String)] = []
        var section = 0
        for block in blocks {
            func add(_ start: Int, _ end: Int, startsBlock: Bool, isHeading: Bool = false) {
                // Counted from the previous piece's end, so the whitespace between pieces is paid for too and
                // the sum over a chunk's pieces bounds the estimate of its whole text (the estimate is subadditive).
                let from = pieces.last.map { min($0.end, start) } ?? start
                let tokens = ScalarText.tokens(scalars, from..<end)
                pieces.append(Piece(
                    start: start, end: end, tokens: max(1, tokens), section: section, startsBlock: startsBlock,
                    isHeading: isHeading, headingPath: headings.map(\.title)))
            }
            switch block.kind {
            case .heading(let level, let title):
                section += 1
                while let last = headings.last, last.level >= level { headings.removeLast() }
                headings.append((level, title))
                add(block.start, block.end, startsBlock: true, isHeading: true)
            case .code, .table:
                let whole = ScalarText.tokens(scalars, block.start..<block.end)
                if whole <= 2 * maxTokens {
                    add(block.start, block.end, startsBlock: true)
                } else {
                    var groupStart = block.start
                    var groupTokens = 0
                    var first = true
                    let bounds = block.lineStarts + [block.end]
                    for k in 0..<(bounds.count - 1) {
                        let lineTokens = ScalarText.tokens(scalars, bounds[k]..<bounds[k + 1])
                        if groupTokens > 0, groupTokens + lineTokens > maxTokens {
                            add(groupStart, trimmedEnd(bounds[k], from: groupStart, scalars), startsBlock: first)
                            first = false
                            groupStart = bounds[k]
                            groupTokens = 0
                        }
                        groupTokens += lineTokens
                    }
                    add(groupStart, block.end, startsBlock: first)
                }
            case .paragraph:
                var first = true
                for (start, end) in SentenceSplitter.sentences(scalars, from: block.start, to: block.end) {
                    for (s, e) in hardSplit(start, end, scalars) {
                        add(s, e, startsBlock: first)
                        first = false
                    }
                }
            }
        }
        return pieces
    }

    /// Cuts a sentence longer than the limit into pieces of at most `maxTokens` estimated tokens.
    private func hardSplit(_ start: Int, _ end: Int, _ scalars: [Unicode.Scalar]) -> [(Int, Int)] {
        var parts: [(Int, Int)] = []
        var partStart = start
        var cjk = 0
        var other = 0
        for i in start..<end {
            if TokenEstimator.isCJK(scalars[i]) { cjk += 1 } else { other += 1 }
            if cjk + (other + 3) / 4 > maxTokens, i > partStart {
                parts.append((partStart, i))
                partStart = i
                cjk = TokenEstimator.isCJK(scalars[i]) ? 1 : 0
                other = 1 - cjk
            }
        }
        parts.append((partStart, end))
        return parts
    }

    private func trimmedEnd(_ end: Int, from start: Int, _ scalars: [Unicode.Scalar]) -> Int {
        var e = end
        while e > start, scalars[e - 1] == "\n" || scalars[e - 1] == "\r" { e -= 1 }
        return e
    }
}
