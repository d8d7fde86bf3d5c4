import Testing
@testable import Curation

/// What the import's language detection relies on: counting two texts equals counting them joined by a
/// space, and the nonspacing-mark shortcut matches the full Unicode lookup.
@Suite struct ScriptCountsTests {
    @Test func addingATextEqualsCountingTheTextsJoinedByASpace() {
        let texts = [
            "", "Give three tips for staying healthy.", "保持健康的三个提示。", "the and of", "café naïve",
            "a\u{301}b", "\u{301}mark first", "x", "123 abc", "Привет мир", "日本語のテキスト", "한국어 문장", "tail-",
            "It costs $3.50", "abcdefghijkl THE", "e\u{301}\u{302}", "  spaced  ",
        ]
        for first in texts {
            for second in texts {
                var added = ScriptCounts(first)
                added.add(second)
                #expect(added == ScriptCounts(first + " " + second), "\(first) + \(second)")
            }
        }
        #expect(ScriptCounts("The cat and the dog").englishFunctionWords == 3)
        #expect(ScriptCounts("THE Given listing").englishFunctionWords == 2)  // "given", "the"; "listing" is too long
    }

    /// `add` skips the general-category lookup for scalars not classed `.other`: no nonspacing mark may be
    /// classed whitespace, punctuation or symbol.
    @Test func noNonspacingMarkIsClassedWhitespacePunctuationOrSymbol() {
        var marks = 0
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory == .nonspacingMark else { continue }
            marks += 1
            let cls = ScriptClass.of(scalar)
            #expect(cls != .whitespace && cls != .punctuation && cls != .symbol, "U+\(String(value, radix: 16)) is \(cls)")
        }
        #expect(marks > 1000)
    }
}
