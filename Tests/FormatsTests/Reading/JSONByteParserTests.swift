import Foundation
import Formats
import Synthesis
import Testing

/// The byte parser must give exactly Foundation's value wherever it answers, and give up (nil) wherever
/// Foundation answers differently or fails, so `import` keeps Foundation's values and error messages.
@Suite("JSON byte parser")
struct JSONByteParserTests {
    /// Deep equality where strings compare by their UTF-8 bytes (Swift's `==` merges canonically equal strings).
    static func identical(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.int(let x), .int(let y)): return x == y
        case (.double(let x), .double(let y)): return x.bitPattern == y.bitPattern
        case (.string(let x), .string(let y)): return Array(x.utf8) == Array(y.utf8)
        case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { identical($0, $1) }
        case (.object(let x), .object(let y)):
            guard x.count == y.count else { return false }
            for (key, value) in x {
                guard let match = y.first(where: { Array($0.key.utf8) == Array(key.utf8) }), identical(value, match.value)
                else { return false }
            }
            return true
        default: return false
        }
    }

    /// Checks one text against Foundation; returns whether the fast path answered.
    @discardableResult
    static func agrees(_ text: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
        let reference = try? JSONValue.parse(text)
        guard let fast = JSONByteParser.parse(text) else { return false }
        #expect(reference != nil, "fast path accepted what Foundation rejects: \(String(decoding: text, as: UTF8.self))",
                sourceLocation: sourceLocation)
        if let reference {
            #expect(identical(fast, reference), "different value for \(String(decoding: text, as: UTF8.self))",
                    sourceLocation: sourceLocation)
        }
        return true
    }

    @Test("plain records, escapes, surrogate pairs, nesting and short integers take the fast path with Foundation's values")
    func fastPathAgrees() {
        let texts = [
            #"{"instruction":"Say hi","input":"","output":"Hi!"}"#,
            #"{"a":"tab\tquote\" backslash\\ slash\/ \b\f\n\r","b":"\u00e9\u4e2d\uD83D\uDE00\u0000end"}"#,
            #"{"translation_score":5,"neg":-42,"zero":0,"minus_zero":-0,"big":999999999999999999,"t":true,"f":false,"n":null}"#,
            #"{"extra":{"nested":[1,[2,{"deep":"x"}],{}],"empty":[]},"中文键":"值"}"#,
            #"  [ 1 , "two" , null ]  "#,
            "\"e\u{301} and \u{E9}\"",
            #""\u00e9""#,
            "{\"emoji\":\"😀👍🏽\",\"cjk\":\"给出保持健康的三个建议。\"}",
            "{\r\n\t\"crlf\" : \"yes\"\r\n}",
            "17",
            "\"\"",
        ]
        for text in texts {
            #expect(Self.agrees(Array(text.utf8)), "fast path gave up on \(text)")
        }
    }

    @Test("numbers other than short integers come out as Foundation makes them")
    func numbers() {
        let texts = [
            "1.0", "2.0", "1e2", "1E+2", "-1.5e-3", "1e0", "-0.0", "0.1", "1e-400", "9223372036854775807",
            "9223372036854775808", "18446744073709551615", "18446744073709551616", "-9223372036854775808",
            "-9223372036854775807", "123456789012345678901234567890", "1000000000000000000", "100000000000000000000.0",
        ]
        for text in texts {
            let wrapped = Array("{\"n\":\(text),\"after\":1}".utf8)
            #expect(Self.agrees(wrapped), "fast path gave up on \(text)")
            if case .object(let fields)? = JSONByteParser.parse(wrapped), let reference = try? JSONValue.parse(Array(text.utf8)) {
                #expect(Self.identical(fields["n"]!, reference))
            }
        }
        #expect(JSONByteParser.parse(Array("[1.5]".utf8)) == .array([.double(1.5)]))
        #expect(JSONByteParser.parse(Array("-12".utf8)) == .int(-12))
    }

    @Test("what Foundation rejects or treats specially is left to Foundation")
    func givesUp() {
        let texts = [
            #"{"a":1,"a":2}"#,  // duplicate key: Foundation keeps the last
            "{\"\u{E9}\":1,\"e\u{301}\":2}",  // canonically equal keys
            "[1,]", #"{"a":1,}"#,  // trailing commas (Foundation accepts)
            "\u{FEFF}{}",  // byte order mark
            "01", "1.", ".5", "-", "+1", "NaN", "1e400", "[01]",
            #""\ud800""#, #""\udc00x""#, #""\ud800\u0041""#, #""\ud800x""#,
            "\"a\u{1}b\"", "\"line\nbreak\"",  // unescaped control characters
            #""\x""#, #""\u12""#, #""\u12g4""#,
            "{", "[", "\"open", #"{"a"}"#, #"{"a":}"#, "{1:2}", "[1 2]", "tru", "nul", "truex", "1 2", "",
            String(repeating: "[", count: 300) + String(repeating: "]", count: 300),
        ]
        for text in texts {
            #expect(JSONByteParser.parse(Array(text.utf8)) == nil, "fast path answered \(text)")
        }
        let invalid: [[UInt8]] = [
            [0x22, 0xFF, 0x22], [0x22, 0xC3, 0x22], [0x22, 0xED, 0xA0, 0x80, 0x22], [0x22, 0xC0, 0xAF, 0x22],
            [0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xE4, 0xB8, 0x22, 0x7D], [0xE4, 0xB8, 0xAD],
        ]
        for bytes in invalid { #expect(JSONByteParser.parse(bytes) == nil) }
    }

    @Test("random documents and their one-byte mutations: the fast path answers as Foundation or not at all")
    func randomDocuments() {
        var generator = SplitMix64(seed: 0x5EED_1111)
        var answered = 0
        var mutatedAnswered = 0
        for _ in 0..<400 {
            let text = Array(Self.randomDocument(depth: 0, using: &generator).utf8)
            if Self.agrees(text) { answered += 1 }
            for _ in 0..<4 {
                var mutated = text
                let position = Int.random(in: 0..<mutated.count, using: &generator)
                let bytes: [UInt8] = [0x22, 0x5C, 0x2C, 0x7D, 0x5D, 0x3A, 0x20, 0x00, 0x0A, 0x80, 0xE4, 0x75, 0x30, 0x2E, 0x65]
                mutated[position] = bytes.randomElement(using: &generator)!
                if Self.agrees(mutated) { mutatedAnswered += 1 }
            }
        }
        #expect(answered == 400)  // every generated document is plain JSON
        #expect(mutatedAnswered > 100)  // many mutations stay valid JSON and must still agree
    }

    static func randomDocument(depth: Int, using generator: inout SplitMix64) -> String {
        let choice = depth > 3 ? Int.random(in: 0..<5, using: &generator) : Int.random(in: 0..<7, using: &generator)
        switch choice {
        case 0: return "null"
        case 1: return Bool.random(using: &generator) ? "true" : "false"
        case 2:
            let numbers = ["0", "-0", "7", "-123", "1.25", "3e5", "-2.5E-3", "123456789012345678", "98765432109876543210", "0.1"]
            return numbers.randomElement(using: &generator)!
        case 3, 4: return randomString(using: &generator)
        case 5:
            let count = Int.random(in: 0..<4, using: &generator)
            return "[" + (0..<count).map { _ in randomDocument(depth: depth + 1, using: &generator) }.joined(separator: ",") + "]"
        default:
            let count = Int.random(in: 0..<4, using: &generator)
            let body = (0..<count).map { index in "\"k\(index)\(["", "键", "é"].randomElement(using: &generator)!)\": "
                + randomDocument(depth: depth + 1, using: &generator) }
            return "{" + body.joined(separator: ", ") + "}"
        }
    }

    static func randomString(using generator: inout SplitMix64) -> String {
        let pieces = ["a", "Z", " ", "中", "文", "é", "😀", "\\n", "\\\"", "\\\\", "\\/", "\\t", "\\u00e9", "\\u4E2D",
                      "\\uD83D\\uDE00", "\\u0000", "\\u001f", "\\b", "\\f", "\\r"]
        let count = Int.random(in: 0..<8, using: &generator)
        return "\"" + (0..<count).map { _ in pieces.randomElement(using: &generator)! }.joined() + "\""
    }
}
