import Foundation

/// Recognises refusals and AI self-disclaimers in English and Chinese.
///
/// A refusal is a response that declines the task or says it cannot do it and gives no substantive answer.
/// Detection runs in three steps:
/// 1. cues: a phrase automaton finds declining phrases ("not something I", "I must decline", "婉拒",
///    "恕难从命") and negated abilities ("can't", "won't be", "unable to", "无法", "不方便");
/// 2. confirmation: a cue counts only when it is not quoted (`QuotedSpans`) or spoken by a dialogue character,
///    the writer is the speaker (I/we, 我; not he/you/他/你) and, for a negated ability, a task verb follows
///    ("help", "provide", "提供", "回答") — so "I can't wait", "I can't stress enough", "我无法想象" and
///    "植物不能进行光合作用" are not refusals;
/// 3. substance: the other clauses are sorted into apologies, offers ("I can help with…", "如果您…") and reasons
///    ("it could hurt people", "涉及隐私"); if more than `maxAnswerUnits` units of anything else remain, or a list,
///    code or "here is" follows, the text is an answer with a caveat, not a refusal.
/// An instruction that asks for declining or transformed text (translate, rewrite, a rejection e-mail, a
/// dialogue, sentiment; 翻译, 婉拒, 道歉) makes a declining output the task's answer.
/// Disclaimers require the first person ("As an AI language model, I"), so text *about* AI is not flagged.
public final class RefusalDetector: Sendable {
    /// Shared default instance.
    public static let standard = RefusalDetector()

    /// Most units of other text (English words; Chinese counts two characters per unit) a refusal may carry.
    public let maxAnswerUnits = 14

    private let cues: PhraseScanner
    private let cueKinds: [RefusalCueKind]
    private let cueIsChinese: [Bool]
    /// Index of the first disclaimer phrase in `cues`.
    private let firstDisclaimer: Int
    private let apologies = PhraseScanner(RefusalLexicon.apologies)
    private let offers = PhraseScanner(RefusalLexicon.offers)
    private let reasons = PhraseScanner(RefusalLexicon.reasons)
    private let answerMarkers = PhraseScanner(RefusalLexicon.answerMarkers)
    private let instructionCues = PhraseScanner(RefusalLexicon.instructionCues.map { $0.lowercased() })
    private let chineseVerbs = PhraseScanner(RefusalLexicon.chineseTaskVerbs)

    static let englishDisclaimers = [
        "as an ai language model", "as a language model, i", "as an ai, i", "as an ai assistant, i",
        "as an artificial intelligence, i", "as an ai model, i", "as a large language model", "as an ai i",
        "i am an ai language model", "i'm an ai language model", "i am just an ai", "i'm just an ai",
        "i am only an ai", "i'm only an ai", "i am an artificial intelligence", "i'm an artificial intelligence",
        "i am a language model", "i'm a language model", "being an ai, i", "as an ai developed by",
        "i don't have personal opinions", "i do not have personal opinions", "i don't have personal beliefs",
        "i do not have personal beliefs", "i don't have personal feelings", "i do not have personal feelings",
        "i don't have feelings", "i do not have feelings", "i don't have emotions", "i do not have emotions",
        "i don't have personal experiences", "i do not have personal experiences",
        "i don't have personal preferences", "i do not have personal preferences",
    ]
    static let chineseDisclaimers = [
        "作为一个人工智能", "作为一名人工智能", "作为人工智能，我", "作为人工智能助手", "作为一个ai", "作为一名ai",
        "作为ai，我", "作为ai语言模型", "作为一个语言模型", "作为语言模型，我", "作为一个大型语言模型", "作为大型语言模型，我",
        "作为人工智能语言模型", "我是一个人工智能", "我只是一个人工智能", "我是一个ai", "我只是一个ai", "我是一个语言模型",
        "我只是一个语言模型", "我是人工智能助手", "我没有个人观点", "我没有个人意见", "我没有个人感情", "我没有个人情感",
        "我没有个人喜好", "我没有情感", "我并没有个人",
    ]

    public init() {
        var phrases: [String] = []
        var kinds: [RefusalCueKind] = []
        var chinese: [Bool] = []
        func add(_ list: [String], _ kind: RefusalCueKind, _ isChinese: Bool) {
            for phrase in list {
                phrases.append(phrase); kinds.append(kind); chinese.append(isChinese)
            }
        }
        add(RefusalLexicon.englishPhrases, .phrase, false)
        add(RefusalLexicon.englishModals, .modal, false)
        add(RefusalLexicon.chinesePhrases, .phrase, true)
        add(RefusalLexicon.chineseModals, .modal, true)
        add(RefusalLexicon.chineseScope, .scope, true)
        add(RefusalLexicon.chinesePotential, .potential, true)
        var disclaimerPhrases: Set<String> = []
        for phrase in Self.englishDisclaimers + Self.chineseDisclaimers {
            disclaimerPhrases.insert(phrase)
            disclaimerPhrases.insert(phrase.replacingOccurrences(of: "，", with: ","))
            disclaimerPhrases.insert(phrase.replacingOccurrences(of: ",", with: "，"))
            if phrase.hasPrefix("as ") { disclaimerPhrases.insert(phrase.replacingOccurrences(of: ", i", with: " i")) }
        }
        // Disclaimers share the cues' automaton (one pass over every output), marked by index.
        firstDisclaimer = phrases.count
        cues = PhraseScanner(phrases + disclaimerPhrases.sorted())
        cueKinds = kinds
        cueIsChinese = chinese
    }

    /// Judges an output on its own (no instruction).
    public func detect(_ text: String) -> RefusalFinding? {
        detect(output: text, instruction: "", input: "")
    }

    /// Judges an output in the context of its instruction and input: a refusal when a confirmed cue is found
    /// and little else is said, else the first-person AI disclaimer if there is one, else nil.
    public func detect(output text: String, instruction: String, input: String) -> RefusalFinding? {
        var hits: [PhraseScanner.Match] = []
        var disclaimer: PhraseScanner.Match? = nil
        cues.scan(text) { match in
            if match.phrase < firstDisclaimer { hits.append(match) } else if disclaimer == nil { disclaimer = match }
            return true
        }
        if hits.isEmpty && disclaimer == nil { return nil }
        let bytes = Array(text.utf8)
        if !hits.isEmpty, let refusal = refusal(hits, bytes, instruction: instruction, input: input) { return refusal }
        guard let m = disclaimer else { return nil }
        let phrase = String(decoding: bytes[m.start..<m.end], as: UTF8.self)
        return RefusalFinding(kind: .aiDisclaimer, phrase: phrase, offset: m.start,
                              unitsAfter: Self.unitsAfterSentence(text, from: m.start),
                              why: "first-person AI disclaimer")
    }

    /// True when the text is a refusal or disclaimer as `detect` defines it.
    public func isRefusal(_ text: String) -> Bool { detect(text) != nil }

    /// True for a refusal (not a disclaimer followed by an answer) in a short text — what Evol-Instruct's
    /// elimination step drops.
    public func isShortRefusal(_ text: String, maxUnits: Int = 80) -> Bool {
        guard let finding = detect(text) else { return false }
        return TextLength.units(text) <= maxUnits && (finding.kind == .refusal || finding.unitsAfter < maxAnswerUnits * 2)
    }

    // MARK: refusal

    private func refusal(_ hits: [PhraseScanner.Match], _ bytes: [UInt8], instruction: String, input: String) -> RefusalFinding? {
        let clauses = ClauseSegmenter.clauses(bytes)
        // Quotes and dialogue are looked up only once a cue is confirmed (most texts never get that far).
        var scene: (quoted: QuotedSpans, dialogue: DialogueLines)? = nil
        var confirmed: (hit: PhraseScanner.Match, clause: Int, why: String)? = nil
        for hit in hits {
            guard let c = clauses.firstIndex(where: { $0.start <= hit.start && hit.start < $0.end }) else { continue }
            let why: String?
            if cueIsChinese[hit.phrase] {
                why = confirmChinese(bytes, hit, clauses, c)
            } else {
                why = confirmEnglish(bytes, hit, clauses[c])
            }
            guard let why else { continue }
            if scene == nil { scene = (QuotedSpans(bytes), DialogueLines(bytes)) }
            if scene!.quoted.contains(hit.start) || scene!.dialogue.isSpeech(hit.start) { continue }
            confirmed = (hit, c, why)
            break
        }
        guard let (hit, clauseIndex, why) = confirmed else { return nil }
        let context = input.isEmpty ? instruction : instruction + "\n" + input
        if !context.isEmpty, instructionCues.firstMatch(in: context) != nil { return nil }
        // Weigh what else the text says.
        var other = 0
        var listItems = 0
        for (i, clause) in clauses.enumerated() where i != clauseIndex {
            let s = String(decoding: bytes[clause.start..<clause.end], as: UTF8.self)
            if answerMarkers.firstMatch(in: s) != nil { return nil }
            if Self.startsListItem(bytes, clause.start) { listItems += 1 }
            if let m = cues.firstMatch(in: s), m.phrase < firstDisclaimer, clause.units <= 30 { continue }
            if clause.units <= 10 && apologies.firstMatch(in: s) != nil { continue }
            if clause.units <= 40 && offers.firstMatch(in: s) != nil { continue }
            if clause.units <= 30 && reasons.firstMatch(in: s) != nil { continue }
            other += clause.units
        }
        if listItems >= 2 { return nil }
        let counts = ScriptCounts(String(decoding: bytes, as: UTF8.self))
        let limit = counts.cjk > counts.latinWords ? maxAnswerUnits * 2 : maxAnswerUnits
        guard other <= limit else { return nil }
        let cue = String(decoding: bytes[hit.start..<hit.end], as: UTF8.self)
        return RefusalFinding(kind: .refusal, phrase: cue, offset: hit.start, unitsAfter: other,
                              why: "\(why); \(other) units of other text")
    }

    /// Why an English cue counts, or nil when it does not.
    private func confirmEnglish(_ bytes: [UInt8], _ hit: PhraseScanner.Match, _ clause: TextSegment) -> String? {
        let words = LatinWords(bytes, clause.start..<clause.end).words
        guard let m = words.firstIndex(where: { $0.end > hit.start }) else { return nil }
        if cueKinds[hit.phrase] == .phrase { return "declining phrase" }
        // The writer must be the subject: the first word before the modal that is not an adverb or softener.
        var b = m - 1
        while b >= 0 && Self.backwardFillers.contains(words[b].text) { b -= 1 }
        // "Sorry — can't help with that": the subject may be left out after an apology or at the very start;
        // "What has keys but can't open locks?" has a subject of its own.
        let elided = b < 0 && (m == 0 && clause.start == 0 || words[..<m].contains { Self.apologyWords.contains($0.text) })
        guard elided || (b >= 0 && RefusalLexicon.englishSubjects.contains(words[b].text)) else { return nil }
        // A task verb must follow (after fillers), or the clause must end there ("I won't.").
        var f = m
        while f < words.count && words[f].start < hit.end { f += 1 }
        var skipped = 0
        while f < words.count && RefusalLexicon.englishFillers.contains(words[f].text) && skipped < 5 { f += 1; skipped += 1 }
        guard f < words.count else { return skipped <= 3 ? "first person + modal at clause end" : nil }
        let verb = words[f].text
        guard Self.isTaskVerb(verb) else { return nil }
        // Idioms read past the clause end ("I can't help but…" is cut at "but"): look at the next few words.
        let tail = LatinWords(bytes, words[f].end..<min(bytes.count, words[f].end + 32)).words.map(\.text)
        let next = tail.first == "you" || tail.first == "your" ? Array(tail.dropFirst()) : tail
        if let n = next.first, RefusalLexicon.englishIdiomTails.contains(n) { return nil }
        if verb == "help" && next.first == "it" { return nil }  // "I can't help it"
        if verb == "make" && next.first == "sense" { return nil }  // "I can't make sense of it"
        // "I can't see any problem with this code": a finding, not an inability.
        if verb == "see" && ["any", "a", "no", "why", "anything", "much"].contains(next.first ?? "")
            && (next.count < 2 || next.first == "why" || next.first == "anything" || Self.findingNouns.contains(next[1])) { return nil }
        let t = f + 1 + (tail.count - next.count)
        // "I can't tell you how much…" is emphasis, "I can't tell you how to…" declines.
        if t + 1 < words.count && words[t].text == "how" && Self.emphasisAfterHow.contains(words[t + 1].text) { return nil }
        return "\(elided ? "elided first person" : "first person") + modal + task verb '\(verb)'"
    }

    static let findingNouns: Set<String> = [
        "problem", "problems", "issue", "issues", "reason", "reasons", "difference", "error", "errors", "bug", "bugs",
        "mistake", "mistakes", "flaw", "flaws", "harm", "downside", "downsides", "need", "point", "benefit", "risk",
    ]

    static let emphasisAfterHow: Set<String> = [
        "much", "happy", "glad", "grateful", "excited", "sorry", "many", "thankful", "proud", "relieved", "lucky", "often",
    ]

    static let apologyWords: Set<String> = ["sorry", "nope", "no", "apologies", "afraid", "unfortunately", "alas", "regrettably"]

    static let backwardFillers: Set<String> = [
        "nope", "no", "apologies", "sorry", "alas", "oh", "well", "hmm", "um", "okay", "ok",
        "really", "just", "simply", "honestly", "unfortunately", "truly", "still", "also", "afraid", "am", "sorry",
        "but", "so", "therefore", "currently", "personally", "certainly", "definitely", "absolutely", "that",
        "however", "regrettably", "sadly", "respectfully", "kindly", "politely", "genuinely", "though", "now", "and",
        "then", "here", "afraid", "truthfully", "frankly",
    ]

    static func isTaskVerb(_ word: String) -> Bool {
        let verbs = RefusalLexicon.englishTaskVerbs
        if verbs.contains(word) { return true }
        if word.hasSuffix("ing") && word.count >= 5 {
            let stem = String(word.dropLast(3))
            if verbs.contains(stem) || verbs.contains(stem + "e") { return true }
            if stem.count > 2, stem.last == stem.dropLast().last, verbs.contains(String(stem.dropLast())) { return true }
        }
        return false
    }

    /// Why a Chinese cue counts, or nil when it does not.
    private func confirmChinese(_ bytes: [UInt8], _ hit: PhraseScanner.Match, _ clauses: [TextSegment], _ c: Int) -> String? {
        let clause = clauses[c]
        let before = String(decoding: bytes[clause.start..<hit.start], as: UTF8.self)
        let after = String(decoding: bytes[hit.end..<clause.end], as: UTF8.self)
        let cue = String(decoding: bytes[hit.start..<hit.end], as: UTF8.self)
        // The speaker: 我/本… before the cue in its clause, else nobody else (他/你…) in the comma-phrase before it.
        let recent = String(before.suffix(14))
        let phraseBefore = recent.split(whereSeparator: { "，,、：:".contains($0) }).last.map(String.init) ?? ""
        let firstPerson = recent.contains("我") || recent.contains("本助手") || recent.contains("本人") || cue.contains("我")
            || after.hasPrefix("你") || after.hasPrefix("您")
        let kind = cueKinds[hit.phrase]
        // "我们不能继续浪费资源", "咱们不能放弃": an inclusive "we" urging the reader, not declining.
        if before.hasSuffix("我们") || before.hasSuffix("咱们") || before.hasSuffix("大家"),
           RefusalLexicon.chineseExhortationVerbs.contains(where: { after.hasPrefix($0) }) {
            return nil
        }
        // The words after the cue up to the next comma: what is declined.
        let phraseAfter = String(after.prefix(while: { !"，,、；;：:".contains($0) }))
            .trimmingCharacters(in: .punctuationCharacters.union(.whitespaces))
        if !firstPerson && kind != .scope {
            // Without 我 the clause must have no subject of its own ("这个算法不能…", "植物无法…", "他帮不了…"):
            // only softeners and a pointer to the request ("这个", "这类内容", "实在") may come before the cue.
            var topic = Substring(phraseBefore)
            var changed = true
            if kind == .potential { topic = topic.dropLast(2) }  // the verb before "不了" is part of the cue
            while changed {
                changed = false
                if let first = topic.first, first.isPunctuation || first.isWhitespace {
                    topic = topic.dropFirst(); changed = true; continue
                }
                for word in RefusalLexicon.chineseTopicWords where topic.hasPrefix(word) {
                    topic = topic.dropFirst(word.count); changed = true; break
                }
            }
            if !topic.isEmpty { return nil }
        }
        switch kind {
        case .potential:
            guard let verb = RefusalLexicon.chineseTaskVerbs.first(where: { before.hasSuffix($0) }) else { return nil }
            if phraseAfter.count > 4 && !RefusalLexicon.chineseRequestWords.contains(where: { phraseAfter.hasPrefix($0) }) {
                return nil
            }
            return "\(firstPerson ? "first person + " : "")'\(verb)不了'"
        case .phrase:
            // "做不到/帮不了" end their phrase or name the request; "我做不到像他那样早起" is about oneself.
            if RefusalLexicon.chineseBareInabilities.contains(cue) {
                let rest = phraseAfter
                if rest.count > 4 && !RefusalLexicon.chineseRequestWords.contains(where: { rest.hasPrefix($0) }) { return nil }
            }
            return firstPerson ? "first person + declining phrase" : "declining phrase"
        case .scope:
            let window = String(after.prefix(16))
            guard window.contains("范围") || window.contains("能力") || window.contains("职责") || window.contains("服务") else {
                return nil
            }
            let own = cue.contains("我") || window.contains("我") || window.contains("本") || window.contains("助手")
                || window.contains("AI") || window.contains("模型")
            return own ? "beyond the writer's scope" : nil
        case .modal:
            let window = String(after.prefix(8))
            // "这个我不能做。": a one-character verb that ends the clause.
            let bare = phraseAfter
            if let first = bare.first, bare.count <= 2, "做干办帮写说给答讲".contains(first) {
                return "\(firstPerson ? "first person + " : "")modal + '\(bare)' at clause end"
            }
            guard let verb = chineseVerbs.firstMatch(in: window), verb.start <= 12 else { return nil }
            let v = String(decoding: Array(window.utf8)[verb.start..<verb.end], as: UTF8.self)
            return "\(firstPerson ? "first person + " : "")modal + task verb '\(v)'"
        }
    }

    /// True when a list item ("- ", "* ", "1. ", "2、") starts at byte `at` (after indentation).
    static func startsListItem(_ bytes: [UInt8], _ at: Int) -> Bool {
        var i = at
        while i < bytes.count && (bytes[i] == 0x20 || bytes[i] == 0x0A) { i += 1 }
        guard i < bytes.count else { return false }
        if (bytes[i] == 0x2D || bytes[i] == 0x2A) && i + 1 < bytes.count && bytes[i + 1] == 0x20 { return true }
        var j = i
        while j < bytes.count && PIIDetector.isDigit(bytes[j]) { j += 1 }
        guard j > i, j < bytes.count else { return false }
        return bytes[j] == 0x2E || bytes[j] == 0x29 || (j + 2 < bytes.count && bytes[j] == 0xE3 && bytes[j + 1] == 0x80 && bytes[j + 2] == 0x81)
    }

    /// Units after the end of the sentence that contains byte `offset`.
    static func unitsAfterSentence(_ text: String, from offset: Int) -> Int {
        let utf8 = text.utf8
        var i = utf8.index(utf8.startIndex, offsetBy: min(offset, utf8.count))
        let scalars = text.unicodeScalars
        var idx = i.samePosition(in: scalars) ?? scalars.startIndex
        while idx < scalars.endIndex {
            let s = scalars[idx]
            idx = scalars.index(after: idx)
            if s == "." || s == "!" || s == "?" || s == "\n" || s == "。" || s == "！" || s == "？" || s == "；" {
                break
            }
        }
        i = idx
        return TextLength.units(String(text[i...]))
    }
}
