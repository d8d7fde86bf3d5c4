import Commands
import Testing

@Suite struct TerminalTextTests {
    @Test func chineseWrapsByColumnsTwoPerCharacter() {
        let text = String(repeating: "光合作用是植物利用光能的过程。", count: 8)
        let lines = TerminalText.wrap(text, width: 20)
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 20 })
        #expect(lines.dropLast().allSatisfy { DisplayWidth.of($0) >= 19 })
        #expect(lines.joined() == text)
    }

    @Test func latinBreaksAtSpacesAndLongWordsAnywhere() {
        let lines = TerminalText.wrap("the quick brown fox jumps over the lazy dog", width: 10)
        #expect(lines == ["the quick", "brown fox", "jumps over", "the lazy", "dog"])
        let long = TerminalText.wrap("abcdefghijklmnopqrstuvwxyz", width: 10)
        #expect(long == ["abcdefghij", "klmnopqrst", "uvwxyz"])
    }

    @Test func mixedTextNeverExceedsTheWidth() {
        let text = "Translate 这句话 into English: 我们明天早上九点在图书馆门口见面，然后一起去博物馆。 OK?"
        for width in [7, 11, 20, 33, 78] {
            let lines = TerminalText.wrap(text, width: width)
            #expect(lines.allSatisfy { DisplayWidth.of($0) <= width }, "width \(width): \(lines)")
        }
    }

    @Test func paragraphsAndEmptyLinesAreKept() {
        #expect(TerminalText.wrap("a\n\nb", width: 10) == ["a", "", "b"])
    }

    @Test func controlCharactersCannotDriveTheTerminal() {
        let text = "red \u{1B}[31mtext\u{1B}[0m\r\n\tend\u{7}"
        let clean = TerminalText.sanitized(text)
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(clean == "red \u{FFFD}[31mtext\u{FFFD}[0m\n    end\u{FFFD}")
        #expect(TerminalText.truncated("一二三四五六", width: 7) == "一二三…")
    }
}
