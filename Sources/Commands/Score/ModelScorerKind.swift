import Curation
import LLM

/// The two model scorers: `judge` rates each completion as an answer to its instruction, `complexity` rates
/// each instruction alone. Each has its prompt template, ledger purpose and the subjects it reads.
enum ModelScorerKind: String {
    case judge
    case complexity

    /// `llm_calls.purpose` of its calls.
    var purpose: String { "score-\(rawValue)" }

    /// `name@version` of its prompt, recorded on the run and in each score's detail.
    var template: String {
        switch self {
        case .judge: JudgePrompt.identifier
        case .complexity: ComplexityPrompt.identifier
        }
    }

    /// What it scores, plural, for summaries.
    var subjectNoun: String {
        switch self {
        case .judge: "completions"
        case .complexity: "instructions"
        }
    }

    /// Rows of the `examples` view it reads; `condition` is the user's `--where`, already parenthesised.
    func selectionSQL(condition: String?) -> String {
        let filter = condition.map { " AND \($0)" } ?? ""
        switch self {
        case .judge:
            return """
                SELECT instruction_id, completion_id, instruction, input, output, system, conversation FROM examples
                WHERE completion_id IS NOT NULL\(filter) ORDER BY instruction_id, completion_id
                """
        case .complexity:
            return """
                SELECT DISTINCT instruction_id, NULL AS completion_id, instruction, input, NULL AS output, NULL AS system,
                    NULL AS conversation FROM examples
                WHERE 1\(filter) ORDER BY instruction_id
                """
        }
    }

    /// The rendered prompt for a subject, in its instruction's language.
    func prompt(for subject: ScoreSubject) -> ScoringPrompt {
        switch self {
        case .judge:
            JudgePrompt.render(
                instruction: subject.instruction, input: subject.input, response: subject.output ?? "", system: subject.system,
                conversation: subject.conversation.flatMap(ConversationTurns.beforeFinalAnswer) ?? [])
        case .complexity:
            ComplexityPrompt.render(instruction: subject.instruction, input: subject.input)
        }
    }

    /// The request for a subject: deterministic by default (temperature 0) so a rerun is the same request and
    /// is answered from `llm_calls`; a short reply is all the prompt asks for.
    func request(for subject: ScoreSubject, model: String, options: LLMOptions) -> (LLMRequest, ScoringPrompt) {
        let prompt = prompt(for: subject)
        return (.chat(model: model, messages: [.user(prompt.text)], parameters: Self.parameters(options)), prompt)
    }

    /// Every scoring request's sampling (the same for judge and complexity).
    static func parameters(_ options: LLMOptions) -> SamplingParameters {
        var parameters = options.parameters(defaults: SamplingParameters(temperature: 0, maxTokens: 300))
        parameters.seed = options.seed
        return parameters
    }

    /// What this scorer's requests send, for `runs.options`.
    func sampling(_ options: LLMOptions) -> EffectiveSampling {
        EffectiveSampling().adding(rawValue, Self.parameters(options), baseSeed: options.seed)
    }
}
