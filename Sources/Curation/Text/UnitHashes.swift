/// 64-bit hashes of a text's units (lower-cased words of per-word scripts, single CJK characters),
/// computed in one pass without building strings. Equal units hash equally across texts and runs.
public enum UnitHashes {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01B3

    /// Unit hashes of `text`, in order.
    public static func of(_ text: String) -> [UInt64] {
        var result: [UInt64] = []
        result.reserveCapacity(text.utf8.count / 5 + 1)
        var h = offset
        var inWord = false
        var isASCII = true
        for b in text.utf8 where b >= 0x80 { isASCII = false; break }
        if isASCII {
            for b in text.utf8 {
                if PhraseScanner.isWordByte(b) {
                    h = (h ^ UInt64(PhraseScanner.fold(b))) &* prime
                    inWord = true
                } else if inWord {
                    result.append(finish(h)); h = offset; inWord = false
                }
            }
            if inWord { result.append(finish(h)) }
            return result
        }
        for scalar in text.unicodeScalars {
            let cls = ScriptClass.of(scalar)
            if cls.isCJK {
                if inWord { result.append(finish(h)); h = offset; inWord = false }
                result.append(finish((offset ^ UInt64(scalar.value)) &* prime ^ 0x5A5A))
            } else if cls.isWordCharacter {
                inWord = true
                if scalar.value < 0x80 {
                    h = (h ^ UInt64(PhraseScanner.fold(UInt8(scalar.value)))) &* prime
                } else if scalar.properties.changesWhenLowercased {
                    for s in scalar.properties.lowercaseMapping.unicodeScalars { h = (h ^ UInt64(s.value)) &* prime }
                } else {
                    h = (h ^ UInt64(scalar.value)) &* prime
                }
            } else if inWord && scalar.value >= 0x300 && scalar.properties.generalCategory == .nonspacingMark {
                // (No scalar below U+0300 is a nonspacing mark: the property lookup is skipped for them.)
                h = (h ^ UInt64(scalar.value)) &* prime
            } else if inWord {
                result.append(finish(h)); h = offset; inWord = false
            }
        }
        if inWord { result.append(finish(h)) }
        return result
    }

    /// Final avalanche (SplitMix64 finaliser) so that similar words get unrelated hashes.
    @inline(__always) public static func finish(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
