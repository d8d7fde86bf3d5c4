/// A strict well-formedness check for the report page (XML rules, which a valid self-closed HTML page also
/// follows): one root element, every tag closed in order, attribute values quoted and unique per element,
/// `&` only in known entity references, no `<` in text or attribute values. Collects element names, ids and
/// the decoded text on the way. Foundation's XMLParser on Linux recovers from mismatched tags, so the tests use
/// this instead.
public struct WellFormedness {
    public private(set) var ids: [String] = []
    public private(set) var elementNames: [String] = []
    public private(set) var text = ""

    /// (nil, result) when well-formed, else (a message with the byte offset, partial result).
    public static func check(_ html: String) -> (problem: String?, result: WellFormedness) {
        var result = WellFormedness()
        do {
            try result.parse(Array(html.utf8))
            return (nil, result)
        } catch {
            return (error.message, result)
        }
    }

    public struct Failure: Error { let message: String }

    private mutating func parse(_ bytes: [UInt8]) throws(Failure) {
        var i = 0
        var stack: [String] = []
        var roots = 0
        func fail(_ why: String) -> Failure { Failure(message: "at byte \(i): \(why)") }
        func starts(_ text: String, at index: Int) -> Bool {
            let pattern = Array(text.utf8)
            return index + pattern.count <= bytes.count && Array(bytes[index..<index + pattern.count]) == pattern
        }
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x3A || b == 0x5F || b == 0x2E
        }
        func skipSpace() { while i < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[i]) { i += 1 } }
        func name() throws(Failure) -> String {
            let start = i
            guard i < bytes.count, (bytes[i] | 0x20) >= 0x61, (bytes[i] | 0x20) <= 0x7A else { throw fail("expected a name") }
            while i < bytes.count, isNameByte(bytes[i]) { i += 1 }
            return String(decoding: bytes[start..<i], as: UTF8.self)
        }
        /// Reads an entity reference at `i` (on the `&`) and returns its text.
        func entity() throws(Failure) -> String {
            guard let end = bytes[i...].prefix(12).firstIndex(of: 0x3B) else { throw fail("bare &") }
            let body = String(decoding: bytes[(i + 1)..<end], as: UTF8.self)
            i = end + 1
            switch body {
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case "apos": return "'"
            default:
                if body.hasPrefix("#x"), let v = UInt32(body.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) { return String(s) }
                if body.hasPrefix("#"), let v = UInt32(body.dropFirst()), let s = Unicode.Scalar(v) { return String(s) }
                throw fail("unknown entity &\(body);")
            }
        }
        if starts("<!DOCTYPE html>", at: 0) { i = 15 }
        var textBytes: [UInt8] = []
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x26 {
                text += String(decoding: textBytes, as: UTF8.self); textBytes.removeAll()
                text += try entity()
                continue
            }
            guard b == 0x3C else {
                if stack.isEmpty, ![0x20, 0x0A, 0x0D, 0x09].contains(b) { throw fail("text outside the root element") }
                textBytes.append(b); i += 1
                continue
            }
            text += String(decoding: textBytes, as: UTF8.self); textBytes.removeAll()
            if starts("<!--", at: i) {
                guard let end = (i..<bytes.count).first(where: { starts("-->", at: $0) }) else { throw fail("open comment") }
                i = end + 3
                continue
            }
            i += 1
            if i < bytes.count, bytes[i] == 0x2F {
                i += 1
                let closing = try name()
                skipSpace()
                guard i < bytes.count, bytes[i] == 0x3E else { throw fail("bad end tag </\(closing)") }
                i += 1
                guard let open = stack.popLast(), open == closing else { throw fail("</\(closing)> closes <\(stack.last ?? "nothing")>") }
                continue
            }
            let element = try name()
            if stack.isEmpty { roots += 1; if roots > 1 { throw fail("second root element <\(element)>") } }
            elementNames.append(element)
            var seen: Set<String> = []
            while true {
                skipSpace()
                guard i < bytes.count else { throw fail("unclosed tag <\(element)") }
                if bytes[i] == 0x3E { i += 1; stack.append(element); break }
                if starts("/>", at: i) { i += 2; break }
                let attribute = try name()
                guard seen.insert(attribute).inserted else { throw fail("attribute \(attribute) twice") }
                guard i < bytes.count, bytes[i] == 0x3D else { throw fail("attribute \(attribute) without a value") }
                i += 1
                guard i < bytes.count, bytes[i] == 0x22 || bytes[i] == 0x27 else { throw fail("unquoted value of \(attribute)") }
                let quote = bytes[i]
                i += 1
                var value = ""
                var run: [UInt8] = []
                while i < bytes.count, bytes[i] != quote {
                    if bytes[i] == 0x3C { throw fail("< in the value of \(attribute)") }
                    if bytes[i] == 0x26 {
                        value += String(decoding: run, as: UTF8.self); run.removeAll()
                        value += try entity()
                        continue
                    }
                    run.append(bytes[i]); i += 1
                }
                guard i < bytes.count else { throw fail("unterminated value of \(attribute)") }
                value += String(decoding: run, as: UTF8.self)
                i += 1
                if attribute == "id" { ids.append(value) }
            }
        }
        guard stack.isEmpty else { throw fail("unclosed <\(stack.last!)>") }
        guard roots == 1 else { throw fail("no root element") }
    }
}
