/// Why a preference record is not written: each is a case its trainer would drop or mistrain on, counted in
/// the export summary instead of reaching the file.
public enum PreferenceSkip: String, Sendable, Hashable, Error, CaseIterable {
    /// The stored conversation has tool calls or results, which no preference layout here carries.
    case toolTurns = "tool turns"
    /// The conversation does not alternate user/assistant from a user turn to a final user turn.
    case turnOrder = "turn order"
    /// Chosen and rejected are the same text: TRL would find no difference to learn (and its prompt
    /// inference would swallow both), LLaMA-Factory would train on a zero-margin pair.
    case equalAnswers = "chosen equals rejected"
    /// An answer is empty or only whitespace.
    case emptyAnswer = "empty answer"
}
