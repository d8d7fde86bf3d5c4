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
