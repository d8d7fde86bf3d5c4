/// Who writes the evolved instructions: a model through the Evol-Instruct templates, or the offline rule
/// augmenter (no model, origin `rules`).
public enum EvolveBackend: String, Sendable, CaseIterable, Encodable {
    case llm
    case rules
}
