/// Applies the elimination rules to one evolution: the cheap text rules here, the model-judged information
/// gain through `InformationGainCheck` (whose reply the caller passes in).
public struct EvolutionEliminator: Sendable {
    /// The refusal rule, carrying the refusal detector.
    public var refusal: ShortRefusalRule

    public init(isRefusal: @escaping @Sendable (String) -> Bool) {
        refusal = ShortRefusalRule(isRefusal: isRefusal)
    }

    /// Every rule that fires, in a stable order (leak, stop words, refusal, no gain). An empty result means
    /// the evolution survives. `answer` is nil when the instruction was not completed; `gainReply` is nil
    /// when the gain check was skipped.
    public func eliminations(
        evolved: String, parent: String = "", answer: String?, gainReply: String?
    ) -> [EvolutionElimination] {
        var found: [EvolutionElimination] = []
        if let leak = TemplateLeakRule.elimination(evolved: evolved, parent: parent) { found.append(leak) }
        if let stop = StopwordOnlyRule.elimination(evolved: evolved, answer: answer) { found.append(stop) }
        if let answer, let refused = refusal.elimination(answer: answer) { found.append(refused) }
        if let gainReply, let noGain = InformationGainCheck.elimination(forReply: gainReply) { found.append(noGain) }
        return found
    }
}
