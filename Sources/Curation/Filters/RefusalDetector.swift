import Foundation

/// Recognises refusals and AI self-disclaimers in English and Chinese with a phrase automaton.
///
/// Precision over recall: a refusal phrase counts only near the start of the text and only when little
/// follows it, so "I'm sorry, but I can't guarantee this. Here is a full plan: ..." is an answer, not a
/// refusal. Disclaimers require the first person ("As an AI language model, I"), so text *about* AI
/// ("AI language models are trained on...") is not flagged.
public struct RefusalDetector: Sendable {
    /// Shared default instance.
    public static let standard = RefusalDetector()

    /// A refusal phrase must start within this many bytes of the beginning.
    public var openingBytes = 240
    /// A refusal followed by at least this many units of further text is treated as an answer.
    public var answerUnitsAfterRefusal = 30

    private let scanner: PhraseScanner
    private let kinds: [RefusalKind]
    private let canonicalPhrases: [String]

    static let englishRefusals = [
        "i cannot fulfill", "i can't fulfill", "i cannot comply", "i can't comply", "i cannot assist",
        "i can't assist", "i cannot help with", "i can't help with", "i cannot help you with", "i can't help you with",
        "i'm not able to", "i am not able to", "i'm unable to", "i am unable to", "i cannot provide",
        "i can't provide", "i cannot create", "i can't create", "i cannot generate", "i can't generate",
        "i cannot answer", "i can't answer", "i cannot do that", "i can't do that", "i must decline",
        "i must refuse", "i cannot perform", "i can't perform",
        "i cannot write", "i can't write", "i cannot complete", "i can't complete", "i cannot browse",
        "i cannot access", "i can't access", "i do not have access", "i don't have access",
        "i do not have the ability", "i don't have the ability", "i'm sorry, but i can't", "i'm sorry, but i cannot", "i am sorry, but i can't", "i am sorry, but i cannot",
        "i'm sorry, but i'm unable", "i'm sorry, but i am unable", "i'm sorry, but as an ai", "i apologize, but as an ai",
        "sorry, but i can't", "sorry, but i cannot", "sorry, i can't", "sorry, i cannot", "i apologize, but i can't", "i apologize, but i cannot", "i apologise, but i can't", "i apologise, but i cannot",
        "i apologize, but i'm unable", "i apologize, but i am unable",
        "unfortunately, i cannot", "unfortunately, i can't", "unfortunately, i am unable", "unfortunately, i'm unable",
        "it is not appropriate for me", "it's not appropriate for me", "i'm not comfortable", "i am not comfortable",
        "against my programming", "this task cannot be completed", "this instruction cannot be completed",
        "the task cannot be completed", "not possible for me to", "i am not capable of", "i'm not capable of",
    ]
    static let chineseRefusals = [
        "我无法提供", "我无法回答", "我无法完成", "我无法满足", "我无法为您", "我无法为你", "我无法帮助", "我无法帮您",
        "我无法协助", "我无法生成", "我无法创建", "我无法执行", "我无法访问", "我无法浏览", "我无法进行", "我无法给出",
        "我不能提供", "我不能回答", "我不能帮", "我不能为您", "我不能为你", "我不能生成", "我不能完成", "我不能执行",
        "我不能协助", "抱歉，我不能", "抱歉，我无法", "对不起，我不能", "对不起，我无法", "很抱歉，我不能", "很抱歉，我无法",
        "很抱歉，但我无法", "抱歉，但我无法", "对不起，但我无法", "很抱歉，但我不能", "抱歉，但我不能", "我没有能力", "我做不到", "恕我不能", "恕我无法", "我拒绝回答",
        "无法满足您的要求", "无法满足你的要求", "不能满足您的要求", "这个任务无法完成", "该任务无法完成", "此任务无法完成",
        "我没有办法", "我没办法",
    ]
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
        var kinds: [RefusalKind] = []
        var canonical: [String] = []
        func add(_ list: [String], _ kind: RefusalKind) {
            for phrase in list {
                // Full-width and ASCII commas are interchangeable in the wild.
                var variants: Set<String> = [phrase]
                variants.insert(phrase.replacingOccurrences(of: "，", with: ","))
                variants.insert(phrase.replacingOccurrences(of: ",", with: "，"))
                if phrase.hasPrefix("as ") { variants.insert(phrase.replacingOccurrences(of: ", i", with: " i")) }
                for v in variants.sorted() {
                    phrases.append(v); kinds.append(kind); canonical.append(phrase)
                }
            }
        }
        add(Self.englishRefusals, .refusal)
        add(Self.chineseRefusals, .refusal)
        add(Self.englishDisclaimers, .aiDisclaimer)
        add(Self.chineseDisclaimers, .aiDisclaimer)
        scanner = PhraseScanner(phrases)
        self.kinds = kinds
        canonicalPhrases = canonical
    }

    /// The first disclaimer anywhere, else a refusal near the start that is not followed by an answer.
    public func detect(_ text: String) -> RefusalFinding? {
        var refusal: RefusalFinding? = nil
        var disclaimer: RefusalFinding? = nil
        scanner.scan(text) { match in
            let kind = kinds[match.phrase]
            if kind == .aiDisclaimer {
                disclaimer = RefusalFinding(kind: kind, phrase: canonicalPhrases[match.phrase], offset: match.start,
                                            unitsAfter: 0)
                return false
            }
            if refusal == nil && match.start < openingBytes {
                refusal = RefusalFinding(kind: kind, phrase: canonicalPhrases[match.phrase], offset: match.start,
                                         unitsAfter: 0)
            }
            return true
        }
        if var found = disclaimer {
            found.unitsAfter = Self.unitsAfterSentence(text, from: found.offset)
            return found
        }
        guard var found = refusal else { return nil }
        found.unitsAfter = Self.unitsAfterSentence(text, from: found.offset)
        return found.unitsAfter < answerUnitsAfterRefusal ? found : nil
    }

    /// True when the text is a refusal or disclaimer as `detect` defines it.
    public func isRefusal(_ text: String) -> Bool { detect(text) != nil }

    /// True for a refusal (not a disclaimer followed by an answer) in a short text — what Evol-Instruct's
    /// elimination step drops.
    public func isShortRefusal(_ text: String, maxUnits: Int = 80) -> Bool {
        guard let finding = detect(text) else { return false }
        let units = TextLength.units(text)
        return units <= maxUnits && (finding.kind == .refusal || finding.unitsAfter < answerUnitsAfterRefusal)
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
