/// A sentence or clause of a text: its UTF-8 byte range and its length in units (`TextLength`).
public struct TextSegment: Sendable, Equatable {
    public var start: Int
    public var end: Int
    public var units: Int
}
