/// One confirmed toxic term: what it is, where (UTF-8 byte offset) and why it counted.
public struct ToxicityFinding: Sendable, Equatable {
    public var category: ToxicityCategory
    public var severity: ToxicitySeverity
    /// The matched text.
    public var term: String
    public var offset: Int
    /// The context that made it count ("aimed at 'you'", "abusive in itself", "group + 'are' + 'vermin'").
    public var why: String
}
