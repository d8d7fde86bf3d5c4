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
        // A rewrite whose added wording the instruction already carries (an earlier round drew the same
        // phrase) is drawn again, so chained rounds do not stack "Use an example from X." twice.
        let text = instruction.trimmingCharacters(in: .whitespacesAndNewlines)
        // Best: new wording of a form the instruction does not carry yet; next best: at least no repeated text.
        var fallback: String?
        var last = text
        for attempt in 0..<12 {
            last = draw(text, kind: kind, seed: SplitMix64.derive(seed, UInt64(attempt)))
            guard !repeatsItself(last, original: text) else { continue }
            if !reusesForm(last, original: text, kind: kind) { return last }
            if fallback == nil { fallback = last }
        }
        return fallback ?? last
    }

    /// True when `instruction` already carries wording of this kind (a request form, a domain, a level or a
    /// constraint from our lists), so adding another would stack or contradict it ("在娱乐领域，在教育领域，…").
    /// The evolve command then picks another kind for that instruction.
    public func carriesForm(_ kind: RuleAugmentation, in instruction: String) -> Bool {
        let text = instruction.trimmingCharacters(in: .whitespacesAndNewlines)
        guard kind == .template else { return reusesForm(text, original: text, kind: kind) }
        let vocabulary = RuleVocabulary.forLanguage(PromptLanguage.detect(text))
        let openings = (vocabulary.imperativeForms + vocabulary.questionForms + vocabulary.complexityForms)
            .compactMap { form -> String? in
                guard let brace = form.firstIndex(of: "{"), brace != form.startIndex else { return nil }
                return String(form[..<brace]).lowercased()
            }
        let lowered = text.lowercased()
        return openings.contains { lowered.hasPrefix($0) }
    }

    /// True when the words added around `original` already occur inside it.
    private func repeatsItself(_ result: String, original: String) -> Bool {
        let bare = Self.droppingFinalPunctuation(original)
        let forms = [original, bare, Self.lowercasingFirstWord(bare)]
        guard let range = forms.lazy.compactMap({ result.range(of: $0) }).first else { return false }
        let added = result[..<range.lowerBound] + " " + result[range.upperBound...]
        let lowered = original.lowercased()
        return added.split(whereSeparator: { ".。，,：:\"“”？?！!".contains($0) })
            .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            .contains { piece in
                let meaningful = piece.count >= 4 || piece.contains(where: \.isCJK)
                return meaningful && lowered.contains(piece)
            }
    }

    /// True when the instruction already carries the fixed wording of one of this kind's forms
    /// ("Use an example from …", "…领域"), so a second domain or level would contradict the first.
    private func reusesForm(_ result: String, original: String, kind: RuleAugmentation) -> Bool {
        let vocabulary = RuleVocabulary.forLanguage(PromptLanguage.detect(original))
        let forms: [String]
        switch kind {
        case .template: return false
        case .domain: forms = vocabulary.domainForms
        case .complexity: forms = vocabulary.complexityForms
        case .constraint: forms = vocabulary.constraints
        }
        let lowered = original.lowercased()
        for form in forms {
            let pieces = form.components(separatedBy: CharacterSet(charactersIn: "{}"))
                .filter { !["i", "I", "d"].contains($0) }
                .map { $0.trimmingCharacters(in: .whitespaces.union(.punctuationCharacters)).lowercased() }
            let fixed = pieces.filter { $0.count >= 6 || ($0.count >= 2 && $0.contains(where: \.isCJK)) }
            if fixed.contains(where: { lowered.contains($0) }) { return true }
        }
        return false
    }

    private func draw(_ instruction: String, kind: RuleAugmentation, seed: UInt64) -> String {
        let text = instruction
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
        // Sentences that do not open with a verb take the full-sentence forms too ("Please in the field …").
        if ["in", "on", "for", "given", "using", "imagine", "if", "as", "with", "based", "according", "from",
            "suppose", "assume", "the", "a", "an", "this", "these", "there", "here", "my", "our", "your", "i", "we",
            "you", "answer", "complete"].contains(first) {
            return true
        }
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
