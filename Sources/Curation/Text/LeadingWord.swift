/// The word an instruction starts with, for the diversity view of the Self-Instruct paper (Wang et al., 2023,
/// fig. 2 charts the root verbs of its instructions). Without a parser we take the first word, which for
/// imperative English instructions is the verb ("Write…", "Explain…"), after courtesy and request frames
/// ("Please…", "Can you…"); for Chinese, which has no spaces, the first two Han characters after 请/帮我/麻烦
/// (写一, 解释, 给出), the length of most Chinese verbs and verb phrases.
public enum LeadingWord {
    static let englishFrames: [[Substring]] = [
        ["please"], ["kindly"], ["can", "you"], ["could", "you"], ["would", "you"], ["will", "you"],
        ["i", "want", "you", "to"], ["i", "need", "you", "to"],
    ]
    static let chineseFrames = ["请你", "请您", "请", "帮我", "麻烦你", "麻烦", "你能", "能否", "可以"]

    /// The lower-cased first word (letters, digits, apostrophes) after any leading frames, or nil when the text
    /// starts with no word.
    public static func english(_ text: String) -> String? {
        var words: [Substring] = []
        var current = ""
        for character in text.prefix(160) {
            let kind = ScriptClass.of(character.unicodeScalars.first!)
            if kind.isCJK {
                // Chinese or Japanese text (the instruction's language guess was wrong): no English word here.
                if words.isEmpty, current.isEmpty { return nil }
                break
            }
            if kind.isWordCharacter || (character == "'" && !current.isEmpty) {
                current.append(character)
            } else if !current.isEmpty {
                words.append(Substring(current.lowercased()))
                current = ""
                if words.count >= 8 { break }
            }
        }
        if !current.isEmpty, words.count < 8 { words.append(Substring(current.lowercased())) }
        var start = 0
        var changed = true
        while changed {
            changed = false
            for frame in englishFrames where words.count - start > frame.count
                && Array(words[start..<start + frame.count]) == frame {
                start += frame.count
                changed = true
            }
        }
        guard start < words.count, words[start].first?.isLetter == true else { return nil }
        return String(words[start])
    }

    /// The first two Han characters after leading punctuation, spaces and request frames, or nil when the text
    /// does not start with two Han characters.
    public static func chinese(_ text: String) -> String? {
        var rest = Substring(text.prefix(80)).drop { character in
            let kind = ScriptClass.of(character.unicodeScalars.first!)
            return kind == .whitespace || kind == .punctuation || kind == .symbol
        }
        var changed = true
        while changed {
            changed = false
            for frame in chineseFrames where rest.hasPrefix(frame) && rest.count > frame.count + 1 {
                rest = rest.dropFirst(frame.count)
                changed = true
                break
            }
        }
        let head = rest.prefix(2)
        guard head.count == 2, head.unicodeScalars.allSatisfy({ ScriptClass.of($0) == .han }) else { return nil }
        return String(head)
    }
}
