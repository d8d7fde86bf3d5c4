import Testing
@testable import Synthesis

@Suite struct DocumentChunkerTests {
    /// Every chunk's text is exactly the document's scalars in its range, and its line range matches.
    func checkRanges(_ chunks: [DocumentChunk], of text: String) {
        let scalars = Array(text.unicodeScalars)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for chunk in chunks {
            #expect(String(String.UnicodeScalarView(scalars[chunk.charStart..<chunk.charEnd])) == chunk.text)
            let firstLine = String(lines[chunk.lineStart - 1])
            let lastLine = String(lines[chunk.lineEnd - 1])
            #expect(firstLine.contains(chunk.text.split(separator: "\n").first.map(String.init) ?? "<none>"))
            #expect(lastLine.contains(chunk.text.split(separator: "\n").last.map(String.init) ?? "<none>"))
        }
    }

    @Test func headingsStartChunksAndNameTheirPath() {
        let text = "# Guide\n\nIntro line.\n\n## Install\n\nRun the installer.\n\n### Linux\n\nUse apt.\n\n## Use\n\nOpen it."
        let chunks = DocumentChunker(maxTokens: 200, overlap: 0).chunks(of: text)
        #expect(chunks.map(\.headingPath) == [["Guide"], ["Guide", "Install"], ["Guide", "Install", "Linux"], ["Guide", "Use"]])
        #expect(chunks.map(\.lineStart) == [1, 5, 9, 13])
        #expect(chunks.map(\.lineEnd) == [3, 7, 11, 15])
        #expect(chunks[2].text == "### Linux\n\nUse apt.")
        checkRanges(chunks, of: text)
    }

    @Test func aSectionWithOnlyItsHeadingMakesNoChunk() {
        // The title sits right above its first sub-heading, and one section is empty: neither has text to ask about.
        let text = "# Kettle Manual\n\n## Cleaning\n\nDescale monthly.\n\n## Empty Section\n\n## Safety\n\nUnplug first.\n"
        let chunks = DocumentChunker(maxTokens: 200, overlap: 0).chunks(of: text)
        #expect(chunks.map(\.headingPath) == [["Kettle Manual", "Cleaning"], ["Kettle Manual", "Safety"]])
        #expect(chunks.map(\.text) == ["## Cleaning\n\nDescale monthly.", "## Safety\n\nUnplug first."])
        #expect(DocumentChunker().chunks(of: "# Only a title\n").isEmpty)
        checkRanges(chunks, of: text)
    }

    @Test func plainTextHasNoHeadings() {
        let text = "# not a heading in a .txt file\n\nSecond paragraph."
        let chunks = DocumentChunker(maxTokens: 200, overlap: 0, markdown: false).chunks(of: text)
        #expect(chunks.count == 1)
        #expect(chunks[0].headingPath.isEmpty)
    }

    @Test func codeBlocksAndTablesAreNeverSplit() {
        let code = (1...30).map { "let value\($0) = compute(\($0))" }.joined(separator: "\n")  // ~ 1.5× the limit
        let table = "| a | b |\n|---|---|\n" + (1...20).map { "| row \($0) | value \($0) |" }.joined(separator: "\n")
        let text = "Before the code.\n\n```swift\n\(code)\n```\n\nBetween.\n\n\(table)\n\nAfter the table."
        let chunks = DocumentChunker(maxTokens: 150, overlap: 0).chunks(of: text)
        let withCode = chunks.filter { $0.text.contains("```swift") }
        #expect(withCode.count == 1)
        #expect(withCode[0].text.contains("let value30 = compute(30)\n```"))
        let withTable = chunks.filter { $0.text.contains("| row 1 |") }
        #expect(withTable.count == 1)
        #expect(withTable[0].text.contains("| row 20 | value 20 |"))
        checkRanges(chunks, of: text)
    }

    @Test func anOversizedCodeBlockIsSplitAtLineBoundaries() {
        let code = (1...200).map { "print(\"line number \($0) of a very long listing\")" }.joined(separator: "\n")
        let text = "```python\n\(code)\n```"
        let chunks = DocumentChunker(maxTokens: 100, overlap: 0).chunks(of: text)
        #expect(chunks.count > 5)
        for chunk in chunks {
            #expect(chunk.tokens <= 100)
            #expect(!chunk.text.hasPrefix(")"), "a chunk starts at a line start")
            #expect(chunk.text.hasSuffix("listing\")") || chunk.text.hasSuffix("```"))
        }
        checkRanges(chunks, of: text)
    }

    @Test func paragraphsSplitBetweenSentencesWithOverlapOfWholeSentences() {
        let sentences = (1...40).map { "Sentence number \($0) says something about topic \($0)." }
        let text = sentences.joined(separator: " ")
        let chunks = DocumentChunker(maxTokens: 120, overlap: 30).chunks(of: text)
        #expect(chunks.count > 3)
        for chunk in chunks {
            #expect(chunk.tokens <= 120)
            #expect(chunk.text.hasPrefix("Sentence number"))
            #expect(chunk.text.hasSuffix("."))
        }
        // Consecutive chunks share whole trailing sentences, worth at most the overlap.
        for (a, b) in zip(chunks, chunks.dropFirst()) {
            #expect(b.charStart < a.charEnd, "chunks overlap")
            let shared = String(a.text.unicodeScalars.suffix(a.charEnd - b.charStart))
            #expect(sentences.contains { shared.hasPrefix($0) })
            #expect(shared.count / 4 <= 30)
        }
        checkRanges(chunks, of: text)
    }

    @Test func chineseIsCountedPerCharacterAndSplitAtSentenceEnds() {
        let sentence = "电热水壶在水烧开以后会自动断电以保证安全。"  // 21 characters
        let text = String(repeating: sentence, count: 30)
        let chunks = DocumentChunker(maxTokens: 100, overlap: 0).chunks(of: text)
        #expect(chunks.count >= 7)
        for chunk in chunks {
            #expect(chunk.tokens <= 100)
            #expect(chunk.text.hasSuffix("。"))
        }
        #expect(chunks.map { $0.charEnd - $0.charStart }.reduce(0, +) == text.unicodeScalars.count)
    }

    @Test func aSentenceLongerThanTheLimitIsCut() {
        let text = String(repeating: "无标点的长句", count: 100)  // 600 CJK characters, no boundary
        let chunks = DocumentChunker(maxTokens: 128, overlap: 16).chunks(of: text)
        #expect(chunks.allSatisfy { $0.tokens <= 128 })
        #expect(chunks.last?.charEnd == 600)
    }

    @Test func aParagraphBoundaryNearTheLimitIsPreferred() {
        // Paragraph one fills ~75% of the limit; cutting mid-paragraph two would fit more but split it.
        let one = (1...12).map { "Alpha sentence \($0) here." }.joined(separator: " ")
        let two = (1...12).map { "Beta sentence \($0) here." }.joined(separator: " ")
        let text = one + "\n\n" + two
        let chunks = DocumentChunker(maxTokens: 100, overlap: 0).chunks(of: text)
        #expect(chunks.first?.text == one)
    }

    @Test func crlfLinesAndOffsetsStayConsistent() {
        let text = "# Title\r\n\r\nFirst line.\r\nSecond line.\r\n"
        let chunks = DocumentChunker(maxTokens: 200, overlap: 0).chunks(of: text)
        #expect(chunks.count == 1)
        #expect(chunks[0].lineStart == 1 && chunks[0].lineEnd == 4)
        #expect(!chunks[0].text.hasSuffix("\r"))
    }

    /// Random mixed English/Chinese Markdown: every chunk within the limit, ranges in order, every
    /// non-blank character of the document in some chunk (but the heading of a section holding nothing else),
    /// and chunk text equal to its range.
    @Test(arguments: 0..<20)
    func randomDocumentsKeepTheInvariants(seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let english = ["The pump starts.", "Check the valve twice!", "Why does it leak?", "Use a 10 mm key.", "Tighten it gently, then wait."]
        let chinese = ["水泵启动。", "检查阀门两次！", "为什么会漏水？", "使用十毫米扳手；", "轻轻拧紧，然后等待。"]
        var lines: [String] = []
        for _ in 0..<Int.random(in: 5...40, using: &random) {
            switch Int.random(in: 0..<10, using: &random) {
            case 0: lines += ["#" + String(repeating: "#", count: Int.random(in: 0...2, using: &random)) + " Section \(lines.count)", ""]
            case 1: lines += ["```", "let x = \(lines.count)", "print(x)", "```", ""]
            case 2: lines += ["| a | b |", "|---|---|", "| 1 | 2 |", ""]
            default:
                let pool = Bool.random(using: &random) ? english : chinese
                let sentences = (0..<Int.random(in: 1...12, using: &random)).map { _ in pool.randomElement(using: &random)! }
                lines += [sentences.joined(separator: pool == english ? " " : ""), ""]
            }
        }
        let text = lines.joined(separator: "\n")
        let limit = Int.random(in: 20...120, using: &random)
        let chunks = DocumentChunker(maxTokens: limit, overlap: limit / 4).chunks(of: text)
        checkRanges(chunks, of: text)
        var covered = [Bool](repeating: false, count: text.unicodeScalars.count)
        var previousStart = -1
        for chunk in chunks {
            #expect(chunk.tokens <= limit, "seed \(seed): \(chunk.tokens) > \(limit)")
            #expect(chunk.charStart > previousStart)
            previousStart = chunk.charStart
            for i in chunk.charStart..<chunk.charEnd { covered[i] = true }
        }
        // Only the heading line of a section with nothing else in it is left out of every chunk.
        let scalars = Array(text.unicodeScalars)
        func onHeadingLine(_ i: Int) -> Bool {
            var start = i
            while start > 0, scalars[start - 1] != "\n" { start -= 1 }
            return scalars[start] == "#"
        }
        for (i, scalar) in scalars.enumerated() where !scalar.properties.isWhitespace && !onHeadingLine(i) {
            #expect(covered[i], "seed \(seed): character \(i) in no chunk")
            if !covered[i] { break }
        }
    }
}
