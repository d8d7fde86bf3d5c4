import Foundation

/// Fails outputs written in a different language than the prompt (a Chinese question answered in
/// English, or the reverse). Code blocks are ignored, translation requests are exempt, and only the
/// clear languages (en, zh, ja, ko) are compared. A Han-only output under a Japanese or Korean prompt
/// passes with `"ambiguity": "cjk"` in the detail, since kanji and hanja are Han characters too.
public struct LanguageMismatchRule: FilterRule, Codable, Equatable {
    public var name: String { "language-mismatch" }
    public var scopes: Set<RuleScope> { [.output] }
    /// Outputs with fewer prose units than this are not judged.
    public var minUnits = 8

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minUnits = try c.decodeIfPresent(Int.self, forKey: .minUnits) ?? 8
    }

    static let translationCues = PhraseScanner([
        "translat", "english", "chinese", "japanese", "korean", "mandarin", "cantonese", "pinyin", "french",
        "spanish", "german", "language", "翻译", "译成", "译为", "英文", "英语", "中文", "汉语", "日语", "日文", "韩语",
        "韩文", "法语", "德语", "西班牙语", "语言", "拼音", "英译", "中译",
    ])
    /// Instructions that ask for code, a query or a pattern: the answer's keywords are not its language.
    static let codeTaskCues = PhraseScanner([
        "sql", "代码", "编程", "程序", "函数", "脚本", "正则", "查询语句", "python", "javascript", "java", "html", "css",
        "regex", "regular expression", "shell", "bash", "c++", "json", "yaml", "latex", "markdown",
    ])
    static let comparable: Set<Language> = [.en, .zh, .ja, .ko]

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        // ASCII text can only be en/other/und, so two ASCII texts never mismatch.
        if !subject.instruction.utf8.contains(where: { $0 >= 0x80 }) && !subject.input.utf8.contains(where: { $0 >= 0x80 })
            && !(subject.output ?? "").utf8.contains(where: { $0 >= 0x80 }) {
            return .pass()
        }
        let prose = Self.removingCodeBlocks(subject.output ?? "")
        let outputCounts = ScriptCounts(prose)
        let outputUnits = outputCounts.cjk + outputCounts.latinWords + outputCounts.otherWords
        guard outputUnits >= minUnits else { return .pass() }
        var prompt = LanguageDetector.detect(subject.instruction)
        if prompt == .und { prompt = LanguageDetector.detect(subject.input) }
        let output = LanguageDetector.detect(counts: outputCounts)
        guard prompt != output, Self.comparable.contains(prompt), Self.comparable.contains(output) else {
            return .pass()
        }
        if Self.translationCues.firstMatch(in: subject.instruction) != nil { return .pass() }
        if Self.looksLikeCode(prose) || Self.codeTaskCues.firstMatch(in: subject.instruction) != nil { return .pass() }
        // Han-only output under a Japanese or Korean prompt may be kanji/hanja: ambiguous, not a mismatch.
        if output == .zh && (prompt == .ja || prompt == .ko) && LanguageDetector.isHanOnly(outputCounts) {
            return .pass(["ambiguity": "cjk", "prompt_language": .string(prompt.rawValue)])
        }
        return .fail("prompt is \(prompt.rawValue), output is \(output.rawValue)",
                     ["prompt_language": .string(prompt.rawValue), "output_language": .string(output.rawValue)])
    }

    static let codeMarkers = PhraseScanner([
        "def ", "return ", "function ", "#include", "select ", "import ", "public ", "class ", "<html", "</", "print(",
        "console.log", "var ", "let ", "const ", "int ", "for (", "for i in", "if (", "elif ", "else:", "=>", "==",
    ])

    /// Heuristic: source code (unfenced) is not prose in any language.
    static func looksLikeCode(_ text: String) -> Bool {
        var symbols = 0, visible = 0
        for b in text.utf8 where b > 0x20 && b & 0xC0 != 0x80 {
            visible += 1
            switch b {
            case 0x7B, 0x7D, 0x28, 0x29, 0x5B, 0x5D, 0x3B, 0x3D, 0x3C, 0x3E, 0x5F: symbols += 1
            default: break
            }
        }
        if visible > 0 && Double(symbols) / Double(visible) >= 0.06 { return true }
        return codeMarkers.matches(in: text).count >= 2
    }

    /// The text without ``` fenced blocks and `inline code`.
    static func removingCodeBlocks(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "`")) else { return text }  // a byte scan; String.contains(String) goes through Foundation
        var out = ""
        var inFence = false
        for (i, part) in text.components(separatedBy: "```").enumerated() {
            inFence = i % 2 == 1
            if !inFence {
                for (j, piece) in part.split(separator: "`", omittingEmptySubsequences: false).enumerated() where j % 2 == 0 {
                    out += piece
                    out += " "
                }
            }
        }
        return out
    }
}
