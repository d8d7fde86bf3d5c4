import Foundation

/// Reads the verdict of a pairwise judge: `{"winner": "A"|"B"|"tie", "rationale": "…"}`, possibly inside a
/// code fence or after a `<think>` block, or a labelled line such as `Winner: B`, `胜者：A`, `[[A]]` (the
/// MT-Bench style) or `平局`. Anything else is a `ScoreParseFailure` with the reason, never a guess.
public enum PairwiseReplyParser {
    /// The verdict in `reply`, or why there is none.
    public static func parse(_ reply: String) -> Result<PairwiseReply, ScoreParseFailure> {
        let text: String
        switch ReplyText.visible(narrowLetters(reply)) {
        case .success(let visible): text = visible
        case .failure(let failure): return .failure(failure)
        }

        if let object = ReplyText.jsonObjects(in: text).first {
            let rationale = (object["rationale"] ?? object["reason"] ?? object["explanation"]) as? String
            guard let field = object["winner"] ?? object["better"] ?? object["choice"] else {
                return .failure(ScoreParseFailure("JSON reply has no \"winner\" field"))
            }
            guard let label = field as? String, let winner = winner(label) else {
                return .failure(ScoreParseFailure("JSON winner \"\(field)\" is not A, B or tie"))
            }
            return .success(PairwiseReply(winner: winner, rationale: rationale?.isEmpty == true ? nil : rationale))
        }
        if let label = lastMatch(#"\[\[\s*(A|B|C|tie)\s*\]\]"#, in: text) ?? lastMatch(labelledPattern, in: text),
            let winner = winner(label)
        {
            return .success(PairwiseReply(winner: winner, rationale: nil))
        }
        if let winner = winner(text) { return .success(PairwiseReply(winner: winner, rationale: nil)) }
        return .failure(ScoreParseFailure("no winner (A, B or tie) found in the reply"))
    }

    /// "A" → first, "B" → second, "tie"/"平局"/"C" (MT-Bench's tie label) → tie; case and width insensitive.
    static func winner(_ label: String) -> PairwiseWinner? {
        let key = narrowLetters(label).trimmingCharacters(in: .whitespacesAndNewlines.union(.punctuationCharacters)).lowercased()
        switch key {
        case "a", "answer a", "回答a", "回答 a": return .first
        case "b", "answer b", "回答b", "回答 b": return .second
        case "tie", "c", "draw", "equal", "平局", "一样好", "相同": return .tie
        default: return nil
        }
    }

    /// Full-width Latin letters (Ａ, Ｂ), as Chinese input methods type them, as ASCII.
    private static func narrowLetters(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if (0xFF21...0xFF5A).contains(scalar.value), let narrow = Unicode.Scalar(scalar.value - 0xFEE0) {
                scalars.append(narrow)
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }

    private static let labelledPattern = #"(?i)(?:winner|better answer|better|verdict|胜者|更好的回答|结论)\s*[:：是为]\s*\**\s*(answer\s*A|answer\s*B|回答\s*A|回答\s*B|A|B|tie|平局)\b"#

    private static func lastMatch(_ pattern: String, in text: String) -> String? {
        guard let expression = try? NSRegularExpression(pattern: pattern) else { return nil }
        let range = NSRange(text.startIndex..., in: text)
        guard let match = expression.matches(in: text, range: range).last, match.numberOfRanges > 1,
            let captured = Range(match.range(at: 1), in: text)
        else { return nil }
        return String(text[captured])
    }
}
