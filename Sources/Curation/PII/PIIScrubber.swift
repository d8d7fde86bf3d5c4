/// Replaces detected personal data with placeholders (`<EMAIL>`, `<PHONE>`, `<ID_NUMBER>`,
/// `<CREDIT_CARD>`, `<IP_ADDRESS>`), leaving the rest of the text untouched.
public struct PIIScrubber: Sendable {
    public var detector: PIIDetector

    public init(detector: PIIDetector = PIIDetector()) {
        self.detector = detector
    }

    /// The redacted text and the spans that were replaced (offsets refer to the original text).
    public func scrub(_ text: String) -> (text: String, spans: [PIISpan]) {
        let spans = detector.spans(in: text)
        if spans.isEmpty { return (text, []) }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for span in spans where span.start >= cursor {
            out += bytes[cursor..<span.start]
            out += Array(span.kind.placeholder.utf8)
            cursor = span.end
        }
        out += bytes[cursor...]
        return (String(decoding: out, as: UTF8.self), spans)
    }
}
