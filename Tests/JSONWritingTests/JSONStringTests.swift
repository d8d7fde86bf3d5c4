import Foundation
import JSONWriting
import Testing

@Suite struct JSONStringTests {
    @Test func escapesWhatJSONRequiresAndKeepsUTF8() throws {
        let samples = ["plain", "", "quote \" and \\ backslash", "lines\n\r\ttabs", "\u{0}\u{1}\u{8}\u{C}\u{1F}",
                       "中文，全角：标点", "emoji 🙂 and é"]
        for text in samples {
            let quoted = JSONString.quote(text)
            let decoded = try JSONSerialization.jsonObject(with: Data(quoted.utf8), options: [.fragmentsAllowed])
            #expect(decoded as? String == text, "\(quoted)")
            var bytes: [UInt8] = []
            JSONString.append(text, to: &bytes)
            #expect(bytes == Array(quoted.utf8))
        }
        #expect(JSONString.quote("a\"b\n") == #""a\"b\n""#)
        #expect(JSONString.quote("\u{1}") == #""\u0001""#)
        #expect(JSONString.quote("中文") == "\"中文\"")
    }
}

/// The run-copying escaper against a byte-at-a-time statement of the rule: same bytes for every ASCII byte in
/// every position, for U+2028/U+2029 (left unescaped, as JSON allows), non-BMP characters and Chinese.
@Suite struct JSONStringEscapingTests {
    static func reference(_ text: String) -> [UInt8] {
        var out: [UInt8] = [34]
        for byte in text.utf8 {
            switch byte {
            case 34: out += [92, 34]
            case 92: out += [92, 92]
            case 10: out += Array(#"\n"#.utf8)
            case 13: out += Array(#"\r"#.utf8)
            case 9: out += Array(#"\t"#.utf8)
            case 8: out += Array(#"\b"#.utf8)
            case 12: out += Array(#"\f"#.utf8)
            case 0..<0x20: out += Array(String(format: "\\u%04x", Int(byte)).utf8)
            default: out.append(byte)
            }
        }
        return out + [34]
    }

    @Test func everyASCIIByteAtEveryPositionMatchesTheRule() {
        for byte in UInt8(0)...0x7F {
            let character = String(decoding: [byte], as: UTF8.self)
            // Every offset within and across the eight-byte words the escaper skips over.
            let padded = (0...17).map { String(repeating: "a", count: $0) + character + String(repeating: "é", count: 9 - $0 / 2) }
            for text in [character, "a" + character, character + "b", "中" + character + "文🙂", character + character] + padded {
                var bytes: [UInt8] = []
                JSONString.append(text, to: &bytes)
                #expect(bytes == Self.reference(text), "byte \(byte)")
                let utf8 = Array(text.utf8)
                var fromBytes: [UInt8] = []
                utf8.withUnsafeBufferPointer { JSONString.append(utf8: $0, to: &fromBytes) }
                #expect(fromBytes == bytes)
            }
        }
    }

    @Test func lineSeparatorsNonBMPAndChineseStayRawUTF8() {
        let text = "a\u{2028}b\u{2029}c 𠀀🙂 中文\u{7F}\"\\\n"
        var bytes: [UInt8] = []
        JSONString.append(text, to: &bytes)
        #expect(bytes == Self.reference(text))
        #expect(String(decoding: bytes, as: UTF8.self) == "\"a\u{2028}b\u{2029}c 𠀀🙂 中文\u{7F}\\\"\\\\\\n\"")
    }
}

/// The validating escaper accepts exactly the well-formed UTF-8 that Swift's own decoder accepts, and then
/// writes the same bytes as the String escaper.
@Suite struct JSONStringValidationTests {
    func escaped(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        let wellFormed = bytes.withUnsafeBufferPointer { JSONString.appendEscaped(validating: $0, to: &out) }
        return wellFormed ? out : nil
    }

    @Test func acceptsWhatSwiftAcceptsAndEscapesAlike() {
        // Every one- and two-byte sequence after some ASCII, and edge sequences of three and four bytes.
        var cases: [[UInt8]] = []
        for first in 0...255 {
            cases.append(Array("abcdefgh".utf8) + [UInt8(first)])
            for second in stride(from: 0, through: 255, by: 3) { cases.append([UInt8(first), UInt8(second), 0x41]) }
        }
        for lead: UInt8 in [0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5] {
            for second: UInt8 in [0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0] {
                cases.append([lead, second, 0x80])
                cases.append([lead, second, 0x80, 0x80, 0x22])
                cases.append([lead, second, 0x41, 0x80])
            }
        }
        cases.append(Array("中文 \u{2028} 𠀀 🙂 \"\\\n".utf8))
        var accepted = 0
        for bytes in cases {
            let string = String(validating: bytes, as: UTF8.self)
            let result = escaped(bytes)
            #expect((result != nil) == (string != nil), "\(bytes)")
            if let string, let result {
                accepted += 1
                var expected: [UInt8] = []
                JSONString.appendEscaped(string, to: &expected)
                #expect(result == expected)
            }
        }
        #expect(accepted > 1000 && accepted < cases.count)
    }
}
