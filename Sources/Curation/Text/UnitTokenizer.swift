/// Splits text into lower-cased units: words of per-word scripts and single CJK characters.
/// Used for MinHash shingles, repetition and diversity measures — everywhere "tokens" means units.
public enum UnitTokenizer {
    /// The units of `text`, lower-cased; punctuation, symbols and whitespace separate units.
    public static func units(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let lowered = text.lowercased()
        var start: String.Index? = nil
        let scalars = lowered.unicodeScalars
        var i = scalars.startIndex
        while i < scalars.endIndex {
            let cls = ScriptClass.of(scalars[i])
            let next = scalars.index(after: i)
            if cls.isCJK {
                if let s = start { result.append(Substring(scalars[s..<i])); start = nil }
                result.append(Substring(scalars[i..<next]))
            } else if cls.isWordCharacter {
                if start == nil { start = i }
            } else if start != nil, scalars[i].properties.generalCategory == .nonspacingMark {
                // keep combining marks inside the word
            } else if let s = start {
                result.append(Substring(scalars[s..<i]))
                start = nil
            }
            i = next
        }
        if let s = start { result.append(Substring(scalars[s..<scalars.endIndex])) }
        return result
    }
}
