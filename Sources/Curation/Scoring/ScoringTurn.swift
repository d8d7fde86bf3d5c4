/// One turn of a conversation shown to the judge: `user`, `assistant`, or a tool role as the source named it
/// (`function_call`, `observation`, `tool`).
public struct ScoringTurn: Sendable, Hashable {
    public var role: String
    public var text: String

    public init(role: String, text: String) {
        self.role = role
        self.text = text
    }
}
