import Curation
import Foundation

/// Reads question–answer pairs from a model's reply, whatever shape it took: a JSON array (bare, fenced in
/// ```` ```json ````, or amid prose) of objects with `question`/`answer` (also `q`/`a`, `instruction`/`output`,
/// `问题`/`答案`), `Q:`/`A:` or `问：`/`答：` pairs (also `Question:`/`Answer:`, `问题：`/`答案：`), or a numbered list of
/// questions. `<think>` blocks are skipped. An empty result means nothing usable, never a crash.
public enum DocumentQAParser {
    public static func pairs(in reply: String) -> [DocumentQAPair] {
        let text = ReasoningBlock.visibleText(reply) ?? ""
        if let fromJSON = jsonPairs(text), !fromJSON.isEmpty { return fromJSON }
        let labelled = labelledPairs(text)
        if !labelled.isEmpty { return labelled }
        return NumberedListParser.items(in: text).filter(looksLikeQuestion).map { DocumentQAPair(question: $0, answer: nil) }
    }

    private static let questionKeys = ["question", "q", "instruction", "query", "问题", "问"]
    private static let answerKeys = ["answer", "a", "output", "response", "答案", "回答", "答"]

    static func jsonPairs(_ text: String) -> [DocumentQAPair]? {
        for candidate in jsonCandidates(text) {
            guard let data = candidate.data(using: .utf8),
                let object = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            else { continue }
            var list: [Any] = []
            if let array = object as? [Any] {
                list = array
            } else if let dictionary = object as? [String: Any] {
                if let inner = dictionary.values.first(where: { $0 is [Any] }) as? [Any] { list = inner } else { list = [dictionary] }
            }
            let pairs: [DocumentQAPair] = list.compactMap { item in
                if let string = item as? String {
                    let question = string.trimmingCharacters(in: .whitespacesAndNewlines)
                    return question.isEmpty ? nil : DocumentQAPair(question: question, answer: nil)
                }
                guard let object = item as? [String: Any] else { return nil }
                let lowered = Dictionary(object.map { ($0.key.lowercased(), $0.value) }, uniquingKeysWith: { first, _ in first })
                guard let question = questionKeys.lazy.compactMap({ lowered[$0] as? String }).first?
                    .trimmingCharacters(in: .whitespacesAndNewlines), !question.isEmpty
                else { return nil }
                let answer = answerKeys.lazy.compactMap({ lowered[$0] as? String }).first?
                    .trimmingCharacters(in: .whitespacesAndNewlines)
                return DocumentQAPair(question: question, answer: answer?.isEmpty == true ? nil : answer)
            }
            if !pairs.isEmpty { return pairs }
        }
        return nil
    }

    /// The fenced blocks, then the span from the first `[` to the last `]`, then from the first `{` to the last `}`.
    private static func jsonCandidates(_ text: String) -> [String] {
        var candidates: [String] = []
        var rest = text[...]
        while let open = rest.range(of: "```") {
            let afterOpen = rest[open.upperBound...]
            let bodyStart = afterOpen.firstIndex(of: "\n").map { afterOpen.index(after: $0) } ?? afterOpen.startIndex
            guard let close = afterOpen.range(of: "```", range: bodyStart..<afterOpen.endIndex) else { break }
            candidates.append(String(afterOpen[bodyStart..<close.lowerBound]))
            rest = afterOpen[close.upperBound...]
        }
        for (open, close) in [("[", "]"), ("{", "}")] {
            if let first = text.firstIndex(of: Character(open)), let last = text.lastIndex(of: Character(close)), first < last {
                candidates.append(String(text[first...last]))
            }
        }
        return candidates
    }

    private static let questionLabels = ["question:", "q:", "问题：", "问题:", "问：", "问:", "q："]
    private static let answerLabels = ["answer:", "a:", "答案：", "答案:", "答：", "答:", "a："]

    static func labelledPairs(_ text: String) -> [DocumentQAPair] {
        var pairs: [DocumentQAPair] = []
        var question: [String]?
        var answer: [String]?
        func flush() {
            if let question {
                let q = question.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                let a = answer?.joined(separator: "\n").trimmingCharacters(in: .whitespacesAndNewlines)
                if !q.isEmpty { pairs.append(DocumentQAPair(question: q, answer: a?.isEmpty == true ? nil : a)) }
            }
            question = nil
            answer = nil
        }
        for raw in text.components(separatedBy: .newlines) {
            let line = stripListMarker(raw.trimmingCharacters(in: .whitespaces))
            if let rest = strip(line, labels: questionLabels) {
                flush()
                question = [rest]
            } else if let rest = strip(line, labels: answerLabels), question != nil {
                answer = [rest]
            } else if answer != nil {
                answer?.append(line)
            } else if question != nil, !line.isEmpty {
                question?.append(line)
            }
        }
        flush()
        return pairs
    }

    private static func strip(_ line: String, labels: [String]) -> String? {
        let unbolded = line.replacingOccurrences(of: "**", with: "")
        let lowered = unbolded.lowercased()
        for label in labels where lowered.hasPrefix(label) {
            return String(unbolded.dropFirst(label.count)).trimmingCharacters(in: .whitespaces)
        }
        // "Q1:" / "问题1："
        for stem in ["q", "question", "问题", "问"] where lowered.hasPrefix(stem) {
            let afterStem = lowered.dropFirst(stem.count)
            let digits = afterStem.prefix(while: \.isNumber)
            guard !digits.isEmpty else { continue }
            let afterDigits = afterStem.dropFirst(digits.count)
            if afterDigits.hasPrefix(":") || afterDigits.hasPrefix("：") || afterDigits.hasPrefix(".") {
                return String(unbolded.dropFirst(stem.count + digits.count + 1)).trimmingCharacters(in: .whitespaces)
            }
        }
        return nil
    }

    private static func stripListMarker(_ line: String) -> String {
        var rest = Substring(line)
        if rest.hasPrefix("- ") || rest.hasPrefix("* ") { rest = rest.dropFirst(2) }
        let digits = rest.prefix(while: \.isNumber)
        if !digits.isEmpty {
            let after = rest.dropFirst(digits.count)
            if after.hasPrefix(". ") || after.hasPrefix(") ") || after.hasPrefix("、") { rest = after.dropFirst(after.hasPrefix("、") ? 1 : 2) }
        }
        return String(rest)
    }

    private static func looksLikeQuestion(_ text: String) -> Bool {
        text.count >= 4
    }
}
