/// A small refusal/apology detector for the evolution refusal rule, used until Curation's full
/// `RefusalDetector` is available to Synthesis. It looks only at the opening of a text: a refusal starts
/// with one ("I'm sorry, but I can't …", "作为一个AI…", "抱歉，我无法…"); an answer that merely mentions
/// an apology later is not one. Length is judged separately by `RefusalRule`.
public enum RefusalPhraseMatcher {
    /// How much of the text's start (in characters) may hold the phrase.
    static let openingCharacters = 160

    /// Lower-cased English openings of refusals, apologies and AI disclaimers.
    static let english: [String] = [
        "i'm sorry", "i am sorry", "sorry,", "sorry but", "sorry.", "i apologize", "i apologise", "my apologies",
        "apologies,", "unfortunately, i", "i cannot", "i can't", "i can not", "i won't", "i will not",
        "i'm unable", "i am unable", "i'm not able", "i am not able", "i must decline", "i'm afraid i",
        "i am afraid i", "as an ai", "as a language model", "as an artificial intelligence",
        "i'm just an ai", "i am just an ai", "i don't have the ability", "i do not have the ability",
        "i don't have access", "i do not have access", "it is not appropriate", "it's not appropriate",
    ]

    /// Chinese openings (full- and half-width punctuation are both covered by matching without it).
    static let chinese: [String] = [
        "抱歉", "对不起", "很抱歉", "非常抱歉", "不好意思", "我无法", "我不能", "我没有办法", "我没办法", "无法回答",
        "无法提供", "我做不到", "作为一个ai", "作为ai", "作为一个人工智能", "作为人工智能", "作为一个语言模型",
        "作为语言模型", "作为一名ai", "恕我", "我拒绝",
    ]

    /// True when a refusal or apology phrase appears within the opening of `text`.
    public static func isRefusal(_ text: String) -> Bool {
        let start = text.firstIndex { !$0.isWhitespace && $0 != "\"" && $0 != "“" } ?? text.endIndex
        let opening = String(text[start...].prefix(openingCharacters)).lowercased()
        let compact = opening.filter { !$0.isWhitespace }
        return english.contains { opening.contains($0) } || chinese.contains { compact.contains($0) }
    }
}

