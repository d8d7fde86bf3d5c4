/// How a model wrote its score, recorded in a score's detail so odd replies can be found later.
public enum ScoreReplyForm: String, Sendable, Hashable {
    /// A JSON object with a score field (bare, fenced or amid prose).
    case json
    /// A label and a number: "Score: 7/10", "Rating - 8", "评分：7分".
    case labelled
    /// A fraction of ten without a label: "7/10", "7 out of 10".
    case fraction
    /// Chinese points without a label: "7分".
    case points
    /// The whole reply is the number.
    case bare
}
