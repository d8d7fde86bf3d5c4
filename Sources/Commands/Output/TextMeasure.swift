import LLM

/// Characters (Unicode scalars) and estimated tokens (`TokenEstimator`: a CJK character ≈ 1 token, other
/// text ≈ 1 token per 4 characters) of UTF-8 text read in place, without making a String; the same figures
/// as `text.unicodeScalars.count` and `TokenEstimator.estimate(text)` of `String(decoding:as:)` of the bytes.
/// Ill-formed UTF-8 (which import never stores) is measured through that String, U+FFFD replacements included.
struct TextMeasure {
    private(set) var characters = 0
    private(set) var cjk = 0

    var tokens: Int { cjk + (characters - cjk + 3) / 4 }

    init(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        var characters = 0, cjk = 0
        var index = 0
        let count = bytes.count
        guard let base = bytes.baseAddress else {
            self = TextMeasure("")
            return
        }
        while index < count {
            // ASCII eight bytes at a time, then one: a byte, a character, never CJK.
            if index + 8 <= count, UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                characters += 8
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                characters += 1
                index += 1
                continue
            }
            // The common well-formed three-byte sequence (all of Han, Kana, Hangul) decoded in place.
            if lead >= 0xE1, lead <= 0xEC, index + 2 < count, bytes[index + 1] & 0xC0 == 0x80, bytes[index + 2] & 0xC0 == 0x80 {
                let value = UInt32(lead & 0x0F) << 12 | UInt32(bytes[index + 1] & 0x3F) << 6 | UInt32(bytes[index + 2] & 0x3F)
                characters += 1
                if TokenEstimator.isCJK(Unicode.Scalar(value)!) { cjk += 1 }
                index += 3
                continue
            }
            var iterator = bytes[index...].makeIterator()
            var decoder = UTF8()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else {
                self = TextMeasure(String(decoding: bytes, as: UTF8.self))
                return
            }
            characters += 1
            if TokenEstimator.isCJK(scalar) { cjk += 1 }
            index += UTF8.width(scalar)
        }
        self.characters = characters
        self.cjk = cjk
    }

    init(_ text: String) {
        for scalar in text.unicodeScalars {
            characters += 1
            if TokenEstimator.isCJK(scalar) { cjk += 1 }
        }
    }
}
