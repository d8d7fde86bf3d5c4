/// Rough token counts for when a server reports no `usage` and for dry runs:
/// each CJK character (Han, Kana, Hangul) ≈ 1 token, other text ≈ 1 token per 4 characters.
public enum TokenEstimator {
    public static func estimate(_ text: String) -> Int {
        var cjk = 0
        var other = 0
        for scalar in text.unicodeScalars {
            if isCJK(scalar) { cjk += 1 } else { other += 1 }
        }
        return cjk + (other + 3) / 4
    }

    /// Prompt tokens of a request: its text plus a few tokens of framing per chat message.
    public static func estimatePrompt(of request: LLMRequest) -> Int {
        switch request.body {
        case .chat(let messages): messages.reduce(3) { $0 + 4 + estimate($1.content) }
        case .prompt(let prompt): estimate(prompt)
        }
    }

    /// True for Han ideographs, Hiragana, Katakana, Hangul and CJK punctuation/full-width forms.
    @inlinable public static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3000...0x303F, 0x3040...0x309F, 0x30A0...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F, 0xF900...0xFAFF, 0xFF00...0xFFEF,
            0x20000...0x2FA1F:
            true
        default:
            false
        }
    }
}
