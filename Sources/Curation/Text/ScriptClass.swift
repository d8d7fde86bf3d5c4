/// The writing-system class of one Unicode scalar, as far as curation cares.
///
/// Han, Kana and Hangul are "CJK" and count one unit per character; Latin (and other alphabetic
/// scripts) count per word. Full-width forms are classified like their ASCII counterparts.
public enum ScriptClass: UInt8, Sendable, Equatable {
    case han
    case kana
    case hangul
    case latin
    /// Letters of other alphabets (Cyrillic, Greek, Arabic, Devanagari, Thai, ...).
    case otherLetter
    case digit
    case punctuation
    case symbol
    case whitespace
    /// Control characters, combining marks, emoji and anything else.
    case other

    /// True for Han, Kana and Hangul: the scripts tokenised one character at a time.
    @inlinable public var isCJK: Bool {
        switch self {
        case .han, .kana, .hangul: return true
        default: return false
        }
    }

    /// True for scalars that make up a word in per-word scripts (letters and digits, not CJK).
    @inlinable public var isWordCharacter: Bool {
        switch self {
        case .latin, .otherLetter, .digit: return true
        default: return false
        }
    }

    /// Classifies one scalar with range checks (no Unicode property lookups on the common paths).
    @inlinable public static func of(_ scalar: Unicode.Scalar) -> ScriptClass {
        let v = scalar.value
        if v < 0x80 { return asciiClass(UInt8(v)) }
        if v < 0x10000 { return basicPlane[Int(v)] }
        return classify(v, scalar)
    }

    /// Every Basic Multilingual Plane scalar classified once (64 KiB), so hot loops over Chinese text do one
    /// load per character instead of a chain of range checks and property lookups.
    @usableFromInline static let basicPlane: [ScriptClass] = (0..<0x10000).map { v in
        guard let scalar = Unicode.Scalar(UInt32(v)) else { return .other }  // surrogates
        return v < 0x80 ? asciiClass(UInt8(v)) : classify(UInt32(v), scalar)
    }

    /// Class of an ASCII byte.
    @inlinable public static func asciiClass(_ b: UInt8) -> ScriptClass {
        switch b {
        case 0x30...0x39: return .digit
        case 0x41...0x5A, 0x61...0x7A: return .latin
        case 0x20, 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return .whitespace
        case 0x24, 0x2B, 0x3C, 0x3D, 0x3E, 0x5E, 0x60, 0x7C, 0x7E: return .symbol
        case 0x21...0x7E: return .punctuation
        default: return .other
        }
    }

    @usableFromInline static func classify(_ v: UInt32, _ scalar: Unicode.Scalar) -> ScriptClass {
        switch v {
        case 0x4E00...0x9FFF, 0x3400...0x4DBF, 0xF900...0xFAFF, 0x20000...0x2EBEF, 0x2F800...0x2FA1F,
             0x30000...0x3134F, 0x3005, 0x3007, 0x3021...0x3029, 0x2E80...0x2FDF:
            return .han
        case 0x3040...0x309F, 0x30A0...0x30FF, 0x31F0...0x31FF, 0xFF66...0xFF9F:
            return .kana
        case 0xAC00...0xD7AF, 0x1100...0x11FF, 0x3130...0x318F, 0xA960...0xA97F, 0xD7B0...0xD7FF,
             0xFFA0...0xFFDC:
            return .hangul
        case 0xFF10...0xFF19:
            return .digit
        case 0xFF21...0xFF3A, 0xFF41...0xFF5A, 0x00C0...0x00D6, 0x00D8...0x00F6, 0x00F8...0x024F,
             0x1E00...0x1EFF, 0x00AA, 0x00BA:
            return .latin
        case 0x3000, 0x00A0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x0085:
            return .whitespace
        case 0x3001...0x3004, 0x3008...0x3020, 0x3030, 0x303D, 0x30FB, 0xFF01...0xFF0F, 0xFF1A...0xFF20,
             0xFF3B...0xFF40, 0xFF5B...0xFF65, 0x2010...0x2027, 0x2030...0x205E, 0xFE10...0xFE19,
             0xFE30...0xFE4F, 0xFE50...0xFE6B, 0x00A1, 0x00A7, 0x00AB, 0x00B6, 0x00B7, 0x00BB, 0x00BF:
            return .punctuation
        case 0x200B...0x200F, 0xFEFF:
            return .other
        default:
            let p = scalar.properties
            if p.isAlphabetic { return .otherLetter }
            if p.numericType != nil { return .digit }
            if p.isWhitespace { return .whitespace }
            switch p.generalCategory {
            case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
                 .initialPunctuation, .finalPunctuation, .otherPunctuation:
                return .punctuation
            case .mathSymbol, .currencySymbol, .modifierSymbol:
                return .symbol
            default:
                return .other
            }
        }
    }
}
