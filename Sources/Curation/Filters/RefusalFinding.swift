/// A detected refusal or AI disclaimer: the cue that fired, where, and why it counted.
public struct RefusalFinding: Sendable, Equatable {
    public var kind: RefusalKind
    /// The cue as written in the text ("not something I", "帮不了"), or the disclaimer phrase.
    public var phrase: String
    /// Byte offset of the cue in the UTF-8 text.
    public var offset: Int
    /// Units of other text: what is left once the declining, apologising, offering and explaining clauses
    /// are set aside (for a disclaimer, the units after its sentence).
    public var unitsAfter: Int
    /// Why the cue counted, in a few words ("first person + modal + task verb 'help'; 3 other units").
    public var why: String = ""
}
