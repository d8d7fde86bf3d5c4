import Foundation

/// Canonical form of a text for exact-duplicate detection.
///
/// Two texts are "the same" when they differ only in width (full-width ＡＢＣ vs ABC), compatibility
/// forms (NFKC), letter case, whitespace or punctuation — e.g. "Hello, World!" and "hello world".
public enum TextNormalizer {
    /// Returns the canonical form: NFKC, lower-cased, punctuation removed, whitespace runs collapsed
    /// to one space, trimmed. Symbols (+, =, $) and digits are kept because they change meaning.
    public static func canonical(_ text: String) -> String {
        var isASCII = true
        for b in text.utf8 where b >= 0x80 { isASCII = false; break }
        if isASCII { return canonicalASCII(text) }
        let folded = text.precomposedStringWithCompatibilityMapping
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        var lastWasCJK = false
        for scalar in folded.unicodeScalars {
            let cls = ScriptClass.of(scalar)
            switch cls {
            case .whitespace, .punctuation:
                pendingSpace = !out.isEmpty
            case .other where scalar.properties.generalCategory == .format:
                continue
            default:
                // Between two CJK characters a space or punctuation carries no meaning.
                if pendingSpace && !(lastWasCJK && cls.isCJK) { out.append(" ") }
                pendingSpace = false
                lastWasCJK = cls.isCJK
                if scalar.value < 0x80 {
                    let b = UInt8(scalar.value)
                    out.append(Unicode.Scalar((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b))
                } else if scalar.properties.changesWhenLowercased {
                    out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
                } else {
                    out.append(scalar)
                }
            }
        }
        return String(out)
    }

    /// Byte-level version for pure ASCII input (the common case).
    static func canonicalASCII(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for b in text.utf8 {
            switch ScriptClass.asciiClass(b) {
            case .whitespace, .punctuation, .other:
                pendingSpace = !bytes.isEmpty
            default:
                if pendingSpace { bytes.append(0x20); pendingSpace = false }
                bytes.append((b >= 0x41 && b <= 0x5A) ? b | 0x20 : b)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
