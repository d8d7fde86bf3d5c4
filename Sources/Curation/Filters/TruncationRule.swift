import Foundation

/// Fails outputs that stop before they are finished, in English and Chinese:
/// - the model hit its token limit (`finish_reason = length`), or the text says it continues ("to be continued",
///   "未完待续");
/// - structure left open: an odd number of ``` fences, a table whose last row is cut or that has no rows, a
///   Markdown `**` left open, a bracket or quotation mark (“ （ 《 「 () opened and never closed;
/// - a numbered or bulleted list whose last item is empty ("3.") or cut (earlier items end with punctuation,
///   the last does not);
/// - an ending that cannot close a text: a comma, colon or opening bracket, or a word such as "and", "into",
///   "the", "以及", "转化为";
/// - a text of at least `minUnitsForOpenEnding` units, or one that punctuates its other sentences, whose last
///   line stops on a letter or character without closing punctuation (. ! ? 。！？… closing quote or bracket,
///   emoji, digit, code or table end).
/// Short complete answers ("Positive", "类别：体育", "42"), titles, poems and lists written without
/// punctuation, and source code that ends at a complete line pass.
public struct TruncationRule: FilterRule, Codable, Equatable {
    public var name: String { "truncated" }
    public var scopes: Set<RuleScope> { [.output] }
    /// Dangling-word checks apply only to outputs at least this long (short answers may lack punctuation).
    public var minUnitsForDanglingWord = 3
    /// A single unpunctuated line with this many words (or twice as many Han characters) is a sentence that
    /// was cut off.
    public var minUnitsForOpenEnding = 4

    public init() {}

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        minUnitsForDanglingWord = try c.decodeIfPresent(Int.self, forKey: .minUnitsForDanglingWord) ?? 3
        minUnitsForOpenEnding = try c.decodeIfPresent(Int.self, forKey: .minUnitsForOpenEnding) ?? 4
    }

    static let continuationMarkers: [[UInt8]] = [
        "to be continued", "(continued)", "[continued]", "continued in part", "(to be continued)",
        "未完待续", "待续", "（未完）", "(未完)", "下回分解",
    ].map { Array($0.utf8) }
    /// Endings that cannot close a text. ';' '+' '-' '=' are left out: code and formulas end with them.
    static let danglingPunctuation: Set<UInt32> = Set([
        ",", "，", "、", "；", ":", "：", "(", "（", "[", "【", "{", "“", "‘", "《", "「", "—", "&",
    ].map { $0.unicodeScalars.first!.value })
    /// Scalars that close a sentence or a structure.
    static let closingScalars: Set<UInt32> = Set([
        ".", "!", "?", "。", "！", "？", "…", ")", "]", "}", "\"", "'", "”", "’", "」", "』", "》", "）", "】", "~", "～",
        "*", "`", "|", ";", "；", "〉", "»", ">", "_", "%", "°", "℃", "\u{FE0F}",
    ].map { $0.unicodeScalars.first!.value })
    static let danglingEnglish: Set<String> = [
        "and", "or", "nor", "the", "a", "an", "of", "to", "with", "for", "in", "into", "onto", "on", "at", "by",
        "from", "that", "which", "who", "whose", "whom", "but", "because", "is", "are", "was", "were", "be",
        "been", "being", "such", "as", "their", "its", "your", "my", "our", "his", "her", "than", "like",
        "including", "about", "between", "through", "during", "without", "within", "toward", "towards", "via",
        "per", "if", "when", "while", "whereas", "although", "though", "unless", "until", "so", "then", "very",
        "more", "most", "will", "would", "can", "could", "should", "may", "might", "must", "has", "have", "had",
        "not", "also", "both", "either", "neither", "this", "these", "those", "each", "every", "some", "any",
        "e.g", "i.e", "etc.,", "among", "under", "over", "after", "before", "since", "upon", "whether", "where",
    ]
    static let particles: Set<String> = ["on", "in", "over", "up", "after", "before", "since", "about", "through", "by"]
    static let danglingChinese = [
        "和", "与", "以及", "或者", "或", "因为", "但是", "而且", "并且", "所以", "例如", "比如", "包括", "如下", "为", "的",
        "把", "将", "被", "在", "是", "对", "从", "向", "给", "让", "使", "由", "而", "及", "并", "如果", "虽然", "即",
        "通过", "根据", "关于", "对于", "成为", "能够", "可以", "需要", "进行", "一个", "一种", "这个", "这些", "那些",
        "必须", "应该", "应当", "就是", "还有", "以便", "以及其他", "其中", "包含", "具有", "属于", "比", "跟", "同",
    ]

    public func evaluate(_ subject: FilterSubject) -> RuleOutcome {
        let output = subject.output ?? ""
        if subject.finishReason == "length" {
            return .fail("finish_reason is length (token limit reached)", ["finish_reason": "length"])
        }
        let bytes = Array(output.utf8)
        let fences = Self.count(bytes, "```")
        if fences % 2 == 1 { return .fail("unbalanced code fence", ["fences": .int(fences)]) }
        // Trim trailing whitespace (ASCII, NBSP, U+3000) and a final ellipsis for the marker check.
        var end = bytes.count
        while end > 0 {
            let b = bytes[end - 1]
            if b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D { end -= 1 }
            else if end >= 3 && bytes[end - 3] == 0xE3 && bytes[end - 2] == 0x80 && bytes[end - 1] == 0x80 { end -= 3 }
            else if end >= 2 && bytes[end - 2] == 0xC2 && bytes[end - 1] == 0xA0 { end -= 2 }
            else { break }
        }
        guard end > 0 else { return .pass() }
        if let marker = continuationMarker(bytes, end) {
            return .fail("ends with a continuation marker", ["marker": .string(marker)])
        }
        let text = String(decoding: bytes[..<end], as: UTF8.self)
        let prose = fences > 0 ? LanguageMismatchRule.removingCodeBlocks(text) : text
        // The last line, found from the end (the whole text is split into lines only when an ending is in doubt).
        var lineStart = end
        while lineStart > 0 && bytes[lineStart - 1] != 0x0A { lineStart -= 1 }
        while lineStart < end && (bytes[lineStart] == 0x20 || bytes[lineStart] == 0x09) { lineStart += 1 }
        let lastLine = String(decoding: bytes[lineStart..<end], as: UTF8.self)
        guard !lastLine.isEmpty else { return .pass() }
        let endsWithFence = end >= 3 && bytes[end - 1] == 0x60 && bytes[end - 2] == 0x60 && bytes[end - 3] == 0x60
        if !endsWithFence, let problem = openStructure(prose, fences > 0 ? Array(prose.utf8) : bytes, lastLine: lastLine) {
            return problem
        }
        if endsWithFence { return .pass() }

        // The last scalar.
        var start = end - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        guard let last = String(decoding: bytes[start..<end], as: UTF8.self).unicodeScalars.first else { return .pass() }
        // A form with empty fields ("Name:\nCountry:") ends each line with a colon.
        if (last == ":" || last == "：") && Self.isFormTemplate(bytes[..<end]) { return .pass() }
        if Self.danglingPunctuation.contains(last.value) {
            return .fail("ends with a dangling '\(last)'", ["ending": .string(String(last))])
        }
        let cls = ScriptClass.of(last)
        guard cls == .latin || cls == .han || cls == .otherLetter || cls == .kana || cls == .hangul else { return .pass() }
        let units = TextLength.units(output)
        if let word = danglingWord(lastLine, cls), units >= minUnitsForDanglingWord {
            return .fail("ends with the dangling word '\(word)'", ["ending": .string(word)])
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(Self.trimmed).filter { !$0.isEmpty }
        if lines.count >= 2 && LanguageMismatchRule.looksLikeCode(text) { return .pass() }
        return openEnding(lastLine, lines: lines, cls: cls, instruction: subject.instruction)
    }

    // MARK: structure

    func openStructure(_ prose: String, _ proseBytes: [UInt8], lastLine: String) -> RuleOutcome? {
        if Self.isEmptyListItem(lastLine) && prose.contains("\n") {
            return .fail("the list's last item is empty", ["ending": .string(lastLine)])
        }
        if lastLine.hasPrefix("|") {
            if !lastLine.hasSuffix("|") { return .fail("the table's last row is cut", ["ending": "table"]) }
            if lastLine.allSatisfy({ "|-: ".contains($0) }) { return .fail("the table has no rows", ["ending": "table"]) }
        }
        if Self.openEmphasis(proseBytes) {
            return .fail("Markdown emphasis left open", ["ending": "**"])
        }
        if Self.count(proseBytes, "`") % 2 == 1 {
            return .fail("inline code left open", ["ending": "`"])
        }
        // A text that ends its last sentence is finished even if a quote was never closed (a translation slip).
        if Self.endsSentence(lastLine) { return nil }
        // One pass counts every opener and closer; only a bracket opened on the last line counts ("1) 2)"
        // lists and smileys elsewhere do not matter).
        var balance = [Int](repeating: 0, count: Self.bracketPairs.count)
        for scalar in prose.unicodeScalars {
            for (k, pair) in Self.bracketPairs.enumerated() {
                if scalar.value == pair.open { balance[k] += 1 } else if scalar.value == pair.close { balance[k] -= 1 }
            }
        }
        for (k, pair) in Self.bracketPairs.enumerated() where balance[k] > 0 {
            let open = String(Unicode.Scalar(pair.open)!)
            if lastLine.unicodeScalars.contains(where: { $0.value == pair.open }) {
                return .fail("'\(open)' opened and never closed", ["ending": .string(open)])
            }
        }
        return nil
    }

    static let bracketPairs: [(open: UInt32, close: UInt32)] = [
        (0x201C, 0x201D), (0xFF08, 0xFF09), (0x300A, 0x300B), (0x300C, 0x300D), (0x300E, 0x300F), (0x3010, 0x3011),
        (0x28, 0x29), (0x5B, 0x5D),
    ]

    /// True when a Markdown `**` opens (before a letter, after a space or line start) more often than one closes.
    /// `**` between operands (`16 ** 2`, `radius**2`) is Python's power operator and does not count.
    static func openEmphasis(_ b: [UInt8]) -> Bool {
        var opened = 0, i = 0
        while i + 1 < b.count {
            guard b[i] == 0x2A, b[i + 1] == 0x2A else { i += 1; continue }
            let before: UInt8 = i > 0 ? b[i - 1] : 0x20
            let after: UInt8 = i + 2 < b.count ? b[i + 2] : 0x20
            let spaceBefore = before == 0x20 || before == 0x0A || before == 0x28 || before == 0x2D
            let spaceAfter = after == 0x20 || after == 0x0A || after == 0x3A || after == 0x2E || after == 0x2C
            if spaceBefore && !spaceAfter && !PIIDetector.isDigit(after) && after != 0x28 { opened += 1 }
            else if !spaceBefore && spaceAfter && !PIIDetector.isDigit(before) && opened > 0 { opened -= 1 }
            else if !spaceBefore && !spaceAfter && opened > 0 && !PIIDetector.isDigit(after) { opened -= 1 }
            i += 2
        }
        return opened > 0
    }

    /// A line without its leading and trailing spaces and tabs (cheaper than Foundation's trimming).
    static func trimmed(_ line: Substring) -> String {
        let utf8 = line.utf8
        var start = utf8.startIndex, end = utf8.endIndex
        while start < end && (utf8[start] == 0x20 || utf8[start] == 0x09 || utf8[start] == 0x0D) { start = utf8.index(after: start) }
        while end > start {
            let before = utf8.index(before: end)
            guard utf8[before] == 0x20 || utf8[before] == 0x09 || utf8[before] == 0x0D else { break }
            end = before
        }
        return String(line[start..<end])
    }

    /// True when at least three lines end with a colon: a template of fields to fill in.
    static func isFormTemplate(_ bytes: ArraySlice<UInt8>) -> Bool {
        var fields = 0
        var previous: UInt8 = 0
        for b in bytes {
            if b == 0x0A && (previous == 0x3A || previous == 0x9A) { fields += 1 }
            if b != 0x20 && b != 0x0D { previous = b }
        }
        return fields >= 2
    }

    /// "3.", "-", "*", "•", "3、", "(c)", "第三步：" with nothing after.
    static func isEmptyListItem(_ line: String) -> Bool {
        guard line.utf8.count <= 12 else { return false }  // "第十二步：" is the longest
        if ["-", "*", "•", "+"].contains(line) { return true }
        var rest = Substring(line)
        if rest.hasPrefix("(") || rest.hasPrefix("（") { rest = rest.dropFirst() }
        let short = rest.utf8.count <= 3
        let digits = rest.prefix(while: { $0.isASCII && ($0.isNumber || ($0.isLetter && short)) })
        guard !digits.isEmpty, digits.count <= 3 else {
            return line.hasPrefix("第") && (line.hasSuffix("：") || line.hasSuffix(":")) && line.count <= 5
        }
        let tail = rest.dropFirst(digits.count)
        return [".", ")", "、", "）", ".)", "：", ":"].contains(String(tail))
    }

    // MARK: endings

    func danglingWord(_ lastLine: String, _ cls: ScriptClass) -> String? {
        if cls == .latin {
            let original = lastLine.split(whereSeparator: { $0 == " " }).last.map(String.init) ?? ""
            let word = original.lowercased()
            // "AND", "OR" in capitals are keywords or acronyms, not a dangling conjunction.
            guard lastLine.contains(" "), Self.danglingEnglish.contains(word), original != original.uppercased() || original.count == 1
            else { return nil }
            // A particle after an object pronoun ends a phrasal verb: "Turn it on", "Log me in", "Figure it out".
            let words = lastLine.lowercased().split(whereSeparator: { $0 == " " })
            if Self.particles.contains(word), words.count >= 2,
               ["it", "them", "him", "her", "me", "us", "this", "that", "you", "everything", "things"].contains(String(words[words.count - 2])) {
                return nil
            }
            return word
        }
        if cls == .han {
            return Self.danglingChinese.first(where: { lastLine.hasSuffix($0) && lastLine.count > $0.count })
        }
        return nil
    }

    func openEnding(_ lastLine: String, lines: [String], cls: ScriptClass, instruction: String) -> RuleOutcome {
        let body = Self.listItemBody(lastLine)
        let isListItem = body != nil
        let counts = ScriptCounts(body ?? lastLine)
        let lineUnits = counts.latinWords + counts.otherWords + (counts.cjk + 1) / 2
        let earlier = lines.dropLast()
        let punctuated = earlier.filter { Self.endsClosed($0) }.count
        let unpunctuated = earlier.count - punctuated
        // Poems, headings and bare lists written without punctuation set their own style.
        if earlier.count >= 1 && unpunctuated * 2 >= earlier.count { return .pass() }
        if Self.looksLikeTitle(Self.valueAfterLabel(lastLine)) || lastLine.hasPrefix("#") { return .pass() }
        // A letter's signature under its sign-off ("Best regards,\nJohn Smith", "Take care,\nYour past self").
        if let closing = earlier.last, closing.hasSuffix(","), TextLength.units(lastLine) <= 6,
           Self.signOffs.contains(closing.dropLast().lowercased().trimmingCharacters(in: .whitespaces)) {
            return .pass()
        }
        // A tweet ending in hashtags, a URL, or a comma list of short items ("desk, chair, table") is complete.
        if let lastWord = lastLine.split(separator: " ").last, lastWord.hasPrefix("#") || lastWord.contains("://") { return .pass() }
        if let hash = lastLine.lastIndex(of: "#"), lastLine.distance(from: hash, to: lastLine.endIndex) <= 16 { return .pass() }
        // An attribution after a dash ("… —马拉拉·优素福扎伊", "- Albert Einstein").
        if let dash = lastLine.lastIndex(where: { $0 == "—" || $0 == "-" || $0 == "–" }),
           dash > lastLine.startIndex, Self.endsSentence(String(lastLine[..<dash]).trimmingCharacters(in: .whitespaces)),
           TextLength.units(String(lastLine[lastLine.index(after: dash)...])) <= 8 {
            return .pass()
        }
        // A title, name, slogan or list the instruction asked for needs no closing punctuation.
        if Self.asksForUnpunctuatedForm(instruction), lines.count <= 3, TextLength.units(lastLine) <= 20 { return .pass() }
        if Self.isShortItemList(Self.valueAfterLabel(body ?? lastLine)) { return .pass() }
        if isListItem {
            let earlierItems = earlier.compactMap(Self.listItemBody)
            if !earlierItems.isEmpty {
                let sentences = earlierItems.filter { !$0.hasSuffix(":") && !$0.hasSuffix("：") }
                if sentences.count >= 1 && sentences.allSatisfy({ Self.endsSentence($0) }) && lineUnits >= 1 {
                    return .fail("the list's last item is cut", ["ending": "list item"])
                }
                return .pass()
            }
        }
        // "Translation: The weather is lo": judge the value after a short label.
        let value = Self.valueAfterLabel(body ?? lastLine)
        let v = ScriptCounts(value)
        let size = v.latinWords + v.otherWords + v.numbers + (v.cjk + 1) / 2
        let proseBefore = punctuated > 0 || Self.hasInnerSentenceEnd(value)
        let phrases = value.contains("，") || value.contains("、") || value.contains(", ")
        if !proseBefore && !phrases {
            if Self.endsWithQuantity(value) || Self.endsWithEnglishQuantity(value) { return .pass() }
            if Self.isFormulaOrIdentifier(value) { return .pass() }
            // A Latin term closing a Chinese sentence ("化学式是H2O", "语言是Python") is a name, not a cut word.
            if v.cjk > 0 && cls == .latin { return .pass() }
        }
        if (proseBefore && size >= 2) || (phrases && size >= 3) || size >= minUnitsForOpenEnding {
            return .fail("ends mid-sentence (no closing punctuation)", ["ending": "open", "line_units": .int(size)])
        }
        return .pass()
    }

    /// "desk, chair, table", "红色、蓝色、绿色": items of at most three words (or six characters) separated by commas.
    /// Items are content words only (no "the", "is", "and"…) and the last is more than one letter, so a cut
    /// sentence ("In summary, the proposal r", "flour, sugar, b") is not taken for a list. Chinese separates
    /// list items with "、"; "，" separates clauses of a sentence.
    static func isShortItemList(_ line: String) -> Bool {
        var items = line.split(whereSeparator: { $0 == "," || $0 == "、" || $0 == ";" })
        // "挪威， 丹麦， 瑞士， 摩纳哥": names separated by full-width commas.
        let commaItems = line.split(separator: "，")
        if commaItems.count >= 3 && commaItems.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).count <= 4 }) { items = commaItems }
        guard items.count >= 2, let last = items.last, last.trimmingCharacters(in: .whitespaces).count >= 2 else { return false }
        return items.allSatisfy { item in
            let c = ScriptCounts(String(item))
            return c.latinWords + c.otherWords + c.numbers <= 3 && c.cjk <= 6 && c.englishFunctionWords == 0
                && !item.contains("，")
        }
    }

    static let unpunctuatedForms = PhraseScanner([
        "title*", "headline*", "slogan*", "tagline*", "motto*", "name*", "hashtag*", "caption*", "keyword*", "phrase*",
        "word*", "synonym*", "antonym*", "label*", "categor*", "classif*", "tweet*", "subject line*",
        "标题", "题目", "口号", "标语", "名称", "名字", "起名", "命名", "短语", "词语", "单词", "关键词", "同义词", "反义词",
        "书名", "推文", "分类", "类别", "标签", "话题",
    ])

    /// True when an instruction asks for a form written without closing punctuation: a title, headline,
    /// slogan, name, hashtag, tweet, words or a label (applied to short answers only).
    static func asksForUnpunctuatedForm(_ instruction: String) -> Bool {
        !instruction.isEmpty && unpunctuatedForms.firstMatch(in: instruction) != nil
    }

    /// True when a line ends with . ! ? 。！？ … or a closing quote or bracket after one.
    static func endsSentence(_ line: String) -> Bool {
        for scalar in line.unicodeScalars.reversed() {
            switch scalar {
            case "\"", "'", "”", "’", "」", "』", "）", ")", "*", " ": continue
            case ".", "!", "?", "。", "！", "？", "…": return true
            default: return false
            }
        }
        return false
    }

    /// The part of a line after a short label ("Answer: …", "类别：…"), or the whole line.
    static func valueAfterLabel(_ line: String) -> String {
        guard let colon = line.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return line }
        let label = String(line[..<colon])
        guard TextLength.units(label) <= 3 else { return line }
        return line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
    }

    /// "容量为5000毫安时", "约需27.3天", "245.5元": a number and its measure word end a sentence.
    static func endsWithQuantity(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars.suffix(5))
        guard let digit = scalars.lastIndex(where: { $0.properties.numericType != nil }) else { return false }
        var unit = String.UnicodeScalarView()
        unit.append(contentsOf: scalars[(digit + 1)...])
        return measureWords.contains(String(unit))
    }

    /// "2 hours and 5 minutes", "about 3 hours", "45 dollars": a number and its unit end an English answer.
    static func endsWithEnglishQuantity(_ text: String) -> Bool {
        let words = text.split(separator: " ")
        guard words.count >= 2, let unit = words.last?.lowercased(), englishUnits.contains(unit) else { return false }
        return words[words.count - 2].contains(where: \.isNumber)
    }

    static let englishUnits: Set<String> = [
        "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
        "year", "years", "dollars", "dollar", "cents", "euros", "pounds", "yuan", "percent", "degrees", "meters",
        "metres", "kilometers", "kilometres", "km", "miles", "feet", "inches", "kg", "kilograms", "grams", "g", "lbs",
        "liters", "litres", "ml", "people", "times", "points", "calories", "cm", "mm", "mph", "kph", "celsius",
        "fahrenheit", "items", "pages", "words",
    ]

    /// "dy/dx = 3x^2 + 2x", "WiFi_setup_instructions.doc", "src/main/App": a formula (an '=' among short
    /// symbols) or one ASCII token with a path, file or identifier separator is no cut sentence.
    static func isFormulaOrIdentifier(_ text: String) -> Bool {
        guard text.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        let words = text.split(whereSeparator: { !$0.isLetter })
        if text.contains("="), words.allSatisfy({ $0.count <= 3 }) { return true }
        return !text.contains(" ") && text.contains(where: { "_./\\".contains($0) })
    }

    static let signOffs: Set<String> = [
        "sincerely", "yours sincerely", "sincerely yours", "yours faithfully", "yours truly", "regards", "best regards",
        "kind regards", "warm regards", "warmest regards", "best wishes", "all the best", "take care", "best", "cheers",
        "thanks", "thank you", "many thanks", "love", "with love", "lots of love", "respectfully", "cordially", "yours",
        "warmly", "with gratitude", "with best wishes", "until next time", "see you soon",
    ]

    /// Chinese units and measure words that end a quantity.
    static let measureWords: Set<String> = [
        "", "元", "天", "年", "月", "日", "岁", "人", "米", "公里", "千米", "厘米", "毫米", "克", "千克", "公斤", "吨", "升", "毫升",
        "度", "分", "秒", "小时", "分钟", "毫安时", "瓦", "伏", "次", "倍", "个", "只", "本", "件", "种", "名", "位", "场",
        "页", "公顷", "亩", "平方米", "立方米", "万", "亿", "万人", "亿元", "万元", "块", "周", "星期", "点", "号", "层", "楼",
        "条", "张", "台", "辆", "部", "首", "篇", "年前", "世纪", "摄氏度", "℃", "斤", "两", "美元", "欧元", "英里",
    ]

    /// The text of a list item after its marker, or nil for a line that is not one.
    static func listItemBody(_ line: String) -> String? {
        for marker in ["- ", "* ", "• ", "+ "] where line.hasPrefix(marker) { return String(line.dropFirst(marker.count)) }
        let digits = line.prefix(while: { $0.isASCII && $0.isNumber })
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let rest = line.dropFirst(digits.count)
        for marker in [". ", ") ", "、", "）", ".", "）"] where rest.hasPrefix(marker) {
            return String(rest.dropFirst(marker.count)).trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// True when a line ends with closing punctuation, a digit, a symbol or an emoji.
    static func endsClosed(_ line: String) -> Bool {
        guard let last = line.unicodeScalars.last else { return true }
        if closingScalars.contains(last.value) { return true }
        switch ScriptClass.of(last) {
        case .latin, .han, .kana, .hangul, .otherLetter: return false
        default: return true
        }
    }

    /// True when a sentence ends inside the line ("It rains. Then the"): the text punctuates its sentences.
    static func hasInnerSentenceEnd(_ line: String) -> Bool {
        for mark in [". ", "。", "！", "？", "! ", "? "] {
            guard let r = line.range(of: mark), r.upperBound < line.endIndex else { continue }
            // "A. crust", "Q. What": an enumerator is not a sentence.
            if TextLength.units(String(line[..<r.lowerBound])) >= 2 { return true }
        }
        return false
    }

    /// Title Case lines ("The Art of War", "Benefits of Regular Exercise") are headings, not cut sentences.
    static func looksLikeTitle(_ line: String) -> Bool {
        let words = line.split(separator: " ")
        guard words.count >= 2, words.count <= 12, line.unicodeScalars.allSatisfy({ $0.isASCII }) else { return false }
        let capitalised = words.filter { w in w.first.map { $0.isUppercase || $0.isNumber } ?? false }.count
        return words.first!.first!.isUppercase && capitalised * 3 >= words.count * 2
    }

    func continuationMarker(_ bytes: [UInt8], _ end: Int) -> String? {
        var markerEnd = end
        while markerEnd > 0 {
            if bytes[markerEnd - 1] == 0x2E { markerEnd -= 1 }
            else if markerEnd >= 3 && bytes[markerEnd - 3] == 0xE2 && bytes[markerEnd - 2] == 0x80 && bytes[markerEnd - 1] == 0xA6 { markerEnd -= 3 }
            else { break }
        }
        for marker in Self.continuationMarkers where markerEnd >= marker.count {
            var matches = true
            for k in 0..<marker.count where PhraseScanner.fold(bytes[markerEnd - marker.count + k]) != marker[k] {
                matches = false; break
            }
            if matches { return String(decoding: marker, as: UTF8.self) }
        }
        return nil
    }

    /// Occurrences of an ASCII token in the bytes.
    static func count(_ bytes: [UInt8], _ token: StaticString) -> Int {
        token.withUTF8Buffer { t in
            var n = 0, i = 0
            let first = t[0]
            while i + t.count <= bytes.count {
                if bytes[i] == first {
                    var k = 1
                    while k < t.count && bytes[i + k] == t[k] { k += 1 }
                    if k == t.count { n += 1; i += t.count; continue }
                }
                i += 1
            }
            return n
        }
    }
}
