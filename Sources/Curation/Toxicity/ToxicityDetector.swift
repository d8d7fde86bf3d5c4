import Foundation

/// Finds insults, threats, hate, sexual harassment and urging of self-harm in English and Chinese, with
/// `ToxicityLexicon`'s curated terms and their context:
/// - every term is found in one pass (`PhraseScanner`; English on word boundaries);
/// - a term that is *mentioned* rather than used does not count: quoted, or in a sentence that explains,
///   translates, reports or moderates language ("the word …", "means", "banned words", "这个词", "翻译",
///   "敏感词"), or under an instruction that asks for such work;
/// - `targeted` terms need a target: "you (are) (such a) idiot", "he's a moron", "你这个废物", "他就是个白痴",
///   and not "You are not stupid" or "you may feel stupid";
/// - `group` terms need a dehumanising claim: "[group] are vermin", "[group]都该死";
/// - threats also come as first person + violent verb + you ("I'm going to hurt you").
/// "Kill the process", "杀死进程", "breast cancer", "Moby-Dick", "Sussex", "垃圾分类" and news of violence pass.
public final class ToxicityDetector: Sendable {
    public static let standard = ToxicityDetector()

    private let scanner: PhraseScanner
    private let entries: [ToxicityLexicon.Entry]
    private let isChinese: [Bool]
    private let mentions = PhraseScanner(ToxicityLexicon.mentionCues)
    private let chineseTargets = ["你", "您", "他", "她", "这人", "那人", "这货", "那货", "这家伙", "这个", "那个", "这些", "那些"]
    private let chineseDehumanising = PhraseScanner([
        "垃圾", "畜生", "该死", "去死", "低等", "劣等", "寄生虫", "蟑螂", "滚出", "不配", "骗子", "小偷", "婊子", "下贱", "蠢", "笨",
        "下等", "猪狗", "杂种", "病毒", "瘟疫", "祸害", "败类", "消灭", "灭绝", "赶出去", "死光", "不是人", "废物", "贱",
    ])

    public init() {
        let all = ToxicityLexicon.english + ToxicityLexicon.chinese
        entries = all
        isChinese = ToxicityLexicon.english.map { _ in false } + ToxicityLexicon.chinese.map { _ in true }
        // Violent verbs ride along in the same pass (indexes past the entries) so threats cost no second scan.
        scanner = PhraseScanner(all.map(\.term) + ToxicityLexicon.violentVerbs.sorted())
    }

    /// The first toxic term that counts in `text`, or nil. `context` is the instruction (and input) a text
    /// answers, used only to recognise translation, explanation and moderation tasks.
    public func detect(_ text: String, context: String = "") -> ToxicityFinding? {
        var hits: [PhraseScanner.Match] = []
        var violentVerb = false
        scanner.scan(text) { match in
            if match.phrase >= entries.count { violentVerb = true } else { hits.append(match) }
            return true
        }
        if hits.isEmpty && !violentVerb { return nil }
        let bytes = Array(text.utf8)
        if !context.isEmpty, mentions.firstMatch(in: context) != nil { return nil }
        // "翻译：…", "Translation: …", "Banned words: …": a label naming a mention covers the whole text.
        let head = String(decoding: bytes.prefix(48), as: UTF8.self)
        if let colon = head.firstIndex(where: { $0 == ":" || $0 == "：" }),
           mentions.firstMatch(in: String(head[..<colon])) != nil { return nil }
        var quoted: QuotedSpans? = nil
        for hit in hits {
            let entry = entries[hit.phrase]
            let sentence = Self.sentence(bytes, around: hit.start)
            let why: String?
            if isChinese[hit.phrase] {
                why = confirmChinese(bytes, hit, entry, sentence)
            } else {
                why = confirmEnglish(bytes, hit, entry, sentence)
            }
            guard let why else { continue }
            if quoted == nil { quoted = QuotedSpans(bytes) }
            if quoted!.contains(hit.start) { continue }
            let sentenceText = String(decoding: bytes[sentence], as: UTF8.self)
            if mentions.firstMatch(in: sentenceText) != nil { continue }
            return ToxicityFinding(category: entry.category, severity: entry.severity,
                                   term: String(decoding: bytes[hit.start..<hit.end], as: UTF8.self),
                                   offset: hit.start, why: why)
        }
        if violentVerb, let (offset, phrase) = threat(bytes) {
            return ToxicityFinding(category: .threat, severity: .high, term: phrase, offset: offset,
                                   why: "first person + violent verb + target")
        }
        return nil
    }

    /// The sentence around byte `offset`: between . ! ? 。！？ or line breaks.
    static func sentence(_ bytes: [UInt8], around offset: Int) -> Range<Int> {
        func isEnd(_ i: Int) -> Int {
            let b = bytes[i]
            if b == 0x21 || b == 0x3F || b == 0x0A || (b == 0x2E && (i + 1 == bytes.count || bytes[i + 1] == 0x20)) { return 1 }
            if b == 0xE3 && i + 2 < bytes.count && bytes[i + 1] == 0x80 && bytes[i + 2] == 0x82 { return 3 }
            if b == 0xEF && i + 2 < bytes.count && bytes[i + 1] == 0xBC && (bytes[i + 2] == 0x81 || bytes[i + 2] == 0x9F) { return 3 }
            return 0
        }
        var start = offset
        while start > 0 && isEnd(start - 1) == 0 && !(start >= 3 && isEnd(start - 3) == 3) { start -= 1 }
        var end = offset
        while end < bytes.count {
            let w = isEnd(end)
            if w > 0 { end += w; break }
            end += 1
        }
        return start..<end
    }

    // MARK: English

    private func confirmEnglish(_ bytes: [UInt8], _ hit: PhraseScanner.Match, _ entry: ToxicityLexicon.Entry,
                                _ sentence: Range<Int>) -> String? {
        let words = LatinWords(bytes, sentence).words
        guard let h = words.firstIndex(where: { $0.end > hit.start }) else { return nil }
        switch entry.severity {
        case .high:
            if entry.category == .selfHarm || entry.category == .threat {
                // "Don't kill yourself over it", "you won't regret" are not urging or threatening.
                let before = words[max(0, h - 2)..<h].map(\.text)
                if before.contains(where: { Self.negations.contains($0) }) { return nil }
            }
            return "abusive in itself"
        case .targeted:
            let count = entry.term.split(separator: " ").count
            if let target = englishTarget(words, h, termWords: count, mild: ToxicityLexicon.mildInsults.contains(entry.term)) {
                return target
            }
            // "Only an imbecile like you…"
            if h + count + 1 < words.count && words[h + count].text == "like" && words[h + count + 1].text == "you" {
                return "aimed at 'you'"
            }
            // "What a pathetic loser you are.", "Such an idiot you are!": aimed by a "you are" that closes the sentence.
            let tail = words[min(words.count, h + count)...].map(\.text)
            if [["you", "are"], ["you're"], ["you", "were"], ["you", "is"], ["u", "are"]].contains(tail),
               words[max(0, h - 4)..<h].contains(where: { ["what", "such", "how"].contains($0.text) }) {
                return "aimed at 'you' (after the term)"
            }
            // Vocative: ", dickhead:", "Moron!", "Listen, idiot,", "Shut up, idiot.".
            if entry.category == .insult, !ToxicityLexicon.mildInsults.contains(entry.term), Self.isVocative(bytes, hit, sentence) {
                return "said to the reader"
            }
            return nil
        case .group:
            var f = h + entry.term.split(separator: " ").count
            var linked = false
            while f < words.count && f - h <= 7 {
                let word = words[f].text
                if linked && ToxicityLexicon.dehumanising.contains(word) { return "group '\(entry.term)' called '\(word)'" }
                guard ToxicityLexicon.groupCopulas.contains(word) else { return nil }
                linked = true; f += 1
            }
            return nil
        }
    }

    static let negations: Set<String> = [
        "don't", "dont", "not", "never", "didn't", "won't", "wouldn't", "shouldn't", "isn't", "aren't", "no", "nobody",
        "doesn't", "can't", "cannot",
    ]

    /// True when a term is set off as a form of address: after a comma or at the sentence start, and before
    /// a comma, colon, '!' or '?'.
    static func isVocative(_ bytes: [UInt8], _ hit: PhraseScanner.Match, _ sentence: Range<Int>) -> Bool {
        var b = hit.start
        while b > sentence.lowerBound && bytes[b - 1] == 0x20 { b -= 1 }
        let before: UInt8 = b > sentence.lowerBound ? bytes[b - 1] : 0x2C
        var a = hit.end
        while a < sentence.upperBound && bytes[a] == 0x20 { a += 1 }
        let after: UInt8 = a < sentence.upperBound ? bytes[a] : 0x2E
        // ", hoe, mulch": between two commas a word is an item of a list, not a form of address.
        if before == 0x2C && after == 0x2C { return false }
        // "Shut up, idiot.": a form of address closing a sentence, when the comma before it is the sentence's
        // only one (no list: "Synonyms: fool, dolt, idiot.").
        if b > sentence.lowerBound && before == 0x2C && (after == 0x2E || after == 0x0A) {
            let head = bytes[sentence.lowerBound..<(b - 1)]
            return !head.contains(0x2C) && !head.contains(0x3A) && !head.contains(0x3B)
        }
        return (before == 0x2C || before == 0x0A) && [0x2C, 0x3A, 0x21, 0x3F].contains(after)
    }

    /// Who a targeted English term is aimed at, or nil when it is aimed at nobody.
    private func englishTarget(_ words: [LatinWords.Word], _ h: Int, termWords: Int, mild: Bool) -> String? {
        var b = h - 1
        var steps = 0
        var sawCopula = false
        while b >= 0 && steps < 6 && ToxicityLexicon.insultChain.contains(words[b].text) {
            if ToxicityLexicon.copulas.contains(words[b].text) { sawCopula = true }
            b -= 1; steps += 1
        }
        guard b >= 0 else { return nil }
        let target = words[b].text
        let aimed = ToxicityLexicon.secondPerson.contains(target)
            || (!mild && ToxicityLexicon.thirdPerson.contains(target) && (sawCopula || target.hasSuffix("'s") || target.hasSuffix("'re")))
        guard aimed else { return nil }
        // "Don't let anyone tell you you're worthless": a negated saying or thinking turns it around.
        var r = b - 1
        while r >= 0 && ToxicityLexicon.secondPerson.contains(words[r].text) { r -= 1 }
        if r >= 0 && ToxicityLexicon.reportingVerbs.contains(words[r].text)
            && words[max(0, r - 4)..<r].contains(where: { Self.negations.contains($0.text) }) { return nil }
        if words[max(0, b - 2)..<b].contains(where: { Self.negations.contains($0.text) }) { return nil }
        if h + termWords < words.count, ["not", "n't"].contains(words[h + termWords].text) { return nil }
        return "aimed at '\(target)'"
    }

    /// First person + violent verb + you ("I'm going to hurt you"), found without a lexicon phrase.
    func threat(_ bytes: [UInt8]) -> (offset: Int, phrase: String)? {
        let words = LatinWords(bytes, 0..<bytes.count).words
        for (i, w) in words.enumerated() where ToxicityLexicon.violentVerbs.contains(w.text) && i + 1 < words.count {
            let object = words[i + 1].text
            guard ["you", "your", "u", "ya", "him", "her", "them"].contains(object) else { continue }
            var before = words[max(0, i - 4)..<i].map(\.text)
            // "I will find where you live and hurt you": the second verb of a clause that opens with a
            // first-person future subject (not "we will explain how … hurt you").
            if before.last == "and" {
                let sentence = Self.sentence(bytes, around: w.start)
                let clause = words[..<i].filter { $0.start >= sentence.lowerBound }.map(\.text)
                if clause.count <= 12, let first = clause.first,
                   ["i", "i'll", "i'm", "we", "we'll", "we're", "i'd"].contains(first),
                   clause.prefix(3).contains(where: { ToxicityLexicon.futureMarkers.contains($0) }),
                   !clause.contains(where: { ["how", "why", "if", "whether", "when", "what", "that"].contains($0) }) {
                    before = Array(clause.prefix(3))
                }
            }
            guard before.contains(where: { ["i", "i'll", "i'm", "we", "we'll", "we're", "i'd", "gonna"].contains($0) }),
                  before.contains(where: { ToxicityLexicon.futureMarkers.contains($0) }),
                  !before.contains(where: { Self.negations.contains($0) }) else { continue }
            let sentence = Self.sentence(bytes, around: w.start)
            if mentions.firstMatch(in: String(decoding: bytes[sentence], as: UTF8.self)) != nil { continue }
            if QuotedSpans(bytes).contains(w.start) { continue }
            return (w.start, "\(before.joined(separator: " ")) \(w.text) \(object)")
        }
        return nil
    }

    // MARK: Chinese

    /// Words that contain a pronoun character without being a pronoun: 其他 垃圾 ("other waste", a sorting
    /// category), 吉他 (guitar), 迷你 (mini), 他人 (others). Masked so the pronoun check does not see them.
    static let pronounCompounds = ["其他", "其它", "吉他", "迷你", "他人", "利他", "排他", "他乡", "他国", "他处", "他山"]

    static func maskingPronounCompounds(_ text: String) -> String {
        guard text.contains("他") || text.contains("你") else { return text }
        return pronounCompounds.reduce(text) { $0.replacingOccurrences(of: $1, with: "□□") }
    }

    /// The pronoun a term is predicated of when only copulas, adverbs and measure words stand between them
    /// ("你就是个", "他真是一个", "你们这群"), or nil.
    static func directChineseTarget(_ recent: String) -> String? {
        var rest = Substring(recent)
        while let last = rest.last {
            // 的 links only in "十足的" / "彻头彻尾的"; elsewhere it is possessive ("他们的废物": their waste).
            if last == "的" {
                guard let previous = rest.dropLast().last, "足尾".contains(previous) else { break }
            } else if !"就是真简直根本完全纯粹个一只条头大十足彻尾种样群帮堆都也还太好".contains(last) {
                break
            }
            rest = rest.dropLast()
        }
        return ["你们", "他们", "她们", "你", "您", "他", "她"].first { rest.hasSuffix($0) }
    }

    private func confirmChinese(_ bytes: [UInt8], _ hit: PhraseScanner.Match, _ entry: ToxicityLexicon.Entry,
                                _ sentence: Range<Int>) -> String? {
        let before = String(decoding: bytes[sentence.lowerBound..<hit.start], as: UTF8.self)
        let after = String(decoding: bytes[hit.end..<sentence.upperBound], as: UTF8.self)
        if let rule = ToxicityLexicon.chineseExclusions[entry.term] {
            if rule.before.contains(where: { before.hasSuffix($0) }) || rule.after.contains(where: { after.hasPrefix($0) }) {
                return nil
            }
        }
        switch entry.severity {
        case .high:
            return "abusive in itself"
        case .targeted:
            let recent = Self.maskingPronounCompounds(String(before.suffix(8)))
            // A demonstrative aims only when the term follows it directly ("那个阿三", not "这个价格太贱").
            let demonstrative = ["这个", "那个", "这些", "那些"].first { recent.hasSuffix($0) }
            if ToxicityLexicon.directTargetTerms.contains(entry.term) {
                // 垃圾 is rubbish and 废物 waste far more often than an insult: only a direct predication of a
                // person counts ("你就是个废物", "你们这些垃圾"), not a pronoun somewhere nearby ("您可以减少塑料垃圾").
                // A demonstrative alone is literal ("这些垃圾要及时清运", "这些蝗虫"); after a pronoun it aims ("你们这些垃圾").
                let near = Self.maskingPronounCompounds(String(before.suffix(14)))
                let beforeDemonstrative = ["这个", "那个", "这些", "那些", "这种", "这群", "那群", "这帮"]
                    .first { near.hasSuffix($0) }.map { String(near.dropLast($0.count)) } ?? near
                guard let target = Self.directChineseTarget(beforeDemonstrative), !recent.contains("不") else {
                    return nil
                }
                return "aimed at '\(target)'"
            }
            if let target = demonstrative ?? chineseTargets.dropLast(4).first(where: { recent.contains($0) }) {
                if recent.contains("不") && !recent.contains("不要脸") { return nil }  // 你不是废物
                return "aimed at '\(target)'"
            }
            if after.hasPrefix("你") || after.hasPrefix("吧你") || after.hasPrefix("！你") { return "aimed at '你'" }
            // Vocative at the start of a sentence: "王八蛋，把钱还给我！"
            if before.trimmingCharacters(in: .whitespaces).isEmpty, let next = after.first, "，,！!：:".contains(next) {
                return "said to the reader"
            }
            return nil
        case .group:
            let window = String(after.prefix(8))
            guard let m = chineseDehumanising.firstMatch(in: window) else { return nil }
            let link = String(decoding: Array(window.utf8)[..<m.start], as: UTF8.self)
            // The group must be linked to the claim by a copula or quantifier ("都是", "就是社会的", "全该").
            guard let first = link.first, link.count <= 6, "都是就全该应统一天生没个不只根本真简纯".contains(first) else { return nil }
            return "group '\(entry.term)' + '\(link)'"
        }
    }
}
