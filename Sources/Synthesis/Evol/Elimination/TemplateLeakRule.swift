/// Elimination rule 4: the evolved instruction repeats the template's own wording ("#Rewritten Prompt#",
/// "given prompt", "改写后的指令"), so it talks about the rewriting instead of being a task.
public enum TemplateLeakRule {
    /// The first leaked phrase found (case-insensitive), or nil. A phrase the parent already contained
    /// ("Rewrite the given prompt …" is a real Alpaca task) is inherited, not leaked.
    public static func leakedPhrase(in evolved: String, parent: String = "") -> String? {
        let lowered = evolved.lowercased()
        let inherited = parent.lowercased()
        return EvolutionPromptTemplate.leakPhrases.first { lowered.contains($0) && !inherited.contains($0) }
    }

    /// The elimination for an evolved instruction, or nil.
    public static func elimination(evolved: String, parent: String = "") -> EvolutionElimination? {
        guard let phrase = leakedPhrase(in: evolved, parent: parent) else { return nil }
        return EvolutionElimination(rule: .leak, reason: "the evolved instruction contains template wording \"\(phrase)\"")
    }
}
