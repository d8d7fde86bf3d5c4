import Foundation

/// The offline augmenter behind `--backend rules`: rewrites an instruction with fixed phrase lists
/// (request forms, domains, complexity levels, constraints) in the instruction's own language.
///
/// Deterministic: the same instruction, kind and seed always give the same text. It writes instructions
/// only and never produces answers.
public struct RuleAugmenter: Sendable {
    public init() {}

    /// The augmented instruction. `{I}` in a form is the instruction as a full sentence; `{i}` is the
    /// instruction continuing a sentence (English: first letter lowercased, final period dropped).
    public func augment(_ instruction: String, kind: RuleAugmentation, seed: UInt64) -> String {
        let text = instruction.trimmingCharacters(in: .whitespacesAndNewlines)
        let language = PromptLanguage.detect(text)
        let vocabulary = RuleVocabulary.forLanguage(language)
        var generator = SplitMix64(seed: SplitMix64.derive(seed, SplitMix64.stableHash(kind.rawValue)))
        let isQuestion = Self.isQuestion(text, language: language)
        let form: String
        switch kind {
        case .template:
            form = pick(isQuestion ? vocabulary.questionForms : vocabulary.imperativeForms, &generator)
        case .domain:
            let domain = pick(vocabulary.domains, &generator)
            let forms = isQuestion ? vocabulary.domainForms.filter { !$0.hasPrefix("In the field") } : vocabulary.domainForms
            form = pick(forms, &generator).replacingOccurrences(of: "{d}", with: domain)
        case .complexity:
            form = pick(vocabulary.complexityForms, &generator)
        case .constraint:
            form = pick(vocabulary.constraints, &generator)
        }
        return fill(form, with: text, language: language, isQuestion: isQuestion)
    }

    private func pick(_ items: [String], _ generator: inout SplitMix64) -> String {
        items[Int.random(in: 0..<items.count, using: &generator)]
    }

    private func fill(_ form: String, with text: String, language: PromptLanguage, isQuestion: Bool) -> String {
        let bare = Self.droppingFinalPunctuation(text)
        let sentence: String
        let continued: String
        switch language {
        case .english:
            sentence = ".?!…:\"')]".contains(text.last ?? ".") ? text : text + "."
            continued = Self.lowercasingFirstWord(bare)
        case .chinese:
            sentence = bare == text && !"？?”）)".contains(text.last ?? "。") ? text + "。" : text
            // "如何{i}？", "你能{i}吗？" and "“{i}”" continue the sentence; elsewhere the instruction stands whole.
            let follower = form.range(of: "{i}").map { form[$0.upperBound...].first } ?? nil
            continued = follower.map { "？吗”".contains($0) } == true ? bare : sentence
        }
        var result = form.replacingOccurrences(of: "{I}", with: sentence).replacingOccurrences(of: "{i}", with: continued)
        if language == .english, form.hasSuffix("{i}"), !result.hasSuffix("?") {
            result += "."
        }
        return result
    }

    /// Questions get question forms ("Please answer …: Why …?") instead of "Please why …".
    static func isQuestion(_ text: String, language: PromptLanguage) -> Bool {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.contains("?") || trimmed.contains("？") || trimmed.hasSuffix("吗") || trimmed.hasSuffix("呢") {
            return true
        }
        guard language == .english else {
            return ["为什么", "什么", "怎么", "如何", "哪", "是否", "谁"].contains { trimmed.hasPrefix($0) }
        }
        let first = trimmed.split(separator: " ").first.map { $0.lowercased() } ?? ""
        return ["what", "why", "how", "who", "whom", "which", "when", "where", "is", "are", "does", "do", "can",
                "should", "would", "could", "will", "did"].contains(first)
    }

    static func droppingFinalPunctuation(_ text: String) -> String {
        var result = text
        while let last = result.last, ".。!！;；".contains(last) { result.removeLast() }
        return result
    }

    /// "Explain X" → "explain X", but "NASA …" and "I …" keep their capitals.
    static func lowercasingFirstWord(_ text: String) -> String {
        guard let first = text.first, first.isUppercase else { return text }
        let firstWord = text.prefix { !$0.isWhitespace }
        if firstWord == "I" || firstWord.hasPrefix("I'") { return text }
        if firstWord.count > 1, firstWord.dropFirst().contains(where: \.isUppercase) { return text }
        return first.lowercased() + text.dropFirst()
    }
}
