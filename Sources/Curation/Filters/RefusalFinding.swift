/// A detected refusal or AI disclaimer: the phrase that triggered it and where.
public struct RefusalFinding: Sendable, Equatable {
    public var kind: RefusalKind
    public var phrase: String
    /// Byte offset of the phrase in the UTF-8 text.
    public var offset: Int
    /// Units of text after the sentence holding the phrase (how much "answer" follows).
    public var unitsAfter: Int
}
