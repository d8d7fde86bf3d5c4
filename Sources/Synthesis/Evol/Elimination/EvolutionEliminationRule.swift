/// The reasons an evolved instruction is discarded, each recorded as a verdict under its own filter name.
public enum EvolutionEliminationRule: String, Sendable, CaseIterable, Codable {
    /// The evolved instruction asks for nothing its parent did not (judged by a model).
    case noGain = "evol-no-gain"
    /// The answer to the evolved instruction is a short refusal or apology.
    case refusal = "evol-refusal"
    /// The evolved instruction or its answer is only punctuation and stop words.
    case stopwords = "evol-stopwords"
    /// The evolved instruction repeats the wording of the evolution template.
    case leak = "evol-leak"
    /// A rules rewrite added wording of a kind its parent already carried (a second domain, level or request
    /// form), which reads as a contradiction; the parent is retried with another kind.
    case stacked = "evol-stacked"

    /// The `verdicts.filter` name.
    public var filterName: String { rawValue }
}
