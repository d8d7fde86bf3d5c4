/// One piece of personal data found in a text: its kind, UTF-8 byte range and the matched text.
public struct PIISpan: Sendable, Equatable {
    public var kind: PIIKind
    public var start: Int
    public var end: Int
    public var text: String
}
