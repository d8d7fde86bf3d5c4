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

    /// The `verdicts.filter` name.
    public var filterName: String { rawValue }
}
