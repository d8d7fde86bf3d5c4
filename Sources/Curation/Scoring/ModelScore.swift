/// A score read from a model's reply: the number on the prompt's 1–10 scale, the model's reasoning (if it
/// gave any) and the form the reply took.
public struct ModelScore: Sendable, Hashable {
    public var value: Double
    public var rationale: String?
    public var form: ScoreReplyForm

    public init(value: Double, rationale: String?, form: ScoreReplyForm) {
        self.value = value
        self.rationale = rationale
        self.form = form
    }
}
