/// A model's verdict on whether an evolved instruction adds anything over its parent.
public enum InformationGainJudgement: String, Sendable, Codable {
    /// The evolved instruction asks for more than its parent.
    case gain
    /// The two instructions are equivalent: the evolution added nothing.
    case noGain = "no-gain"
    /// The reply could not be read as either; the evolution is kept (a nonsense judge must not delete data).
    case unclear
}
