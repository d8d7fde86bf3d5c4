/// Why a conversation does not have the turn order a trainer expects. LLaMA-Factory's ShareGPT converter
/// (`SharegptDatasetConverter`) takes an optional leading system turn, then requires prompt-side turns
/// (user, observation) and response-side turns (assistant, function_call) to alternate, ending on a response.
public enum TurnOrderFault: String, Sendable, Hashable, CaseIterable {
    /// The first turn after the system prompt is an assistant turn or a tool call.
    case leadingAssistant = "leading assistant turn"
    /// Two user turns in a row.
    case consecutiveUser = "consecutive user turns"
    /// Two assistant turns in a row.
    case consecutiveAssistant = "consecutive assistant turns"
    /// Two tool calls or two tool results in a row (parallel calls).
    case consecutiveTool = "consecutive tool turns"
    /// Two turns of one side with different roles (assistant text right before a tool call, a user turn
    /// right after a tool result): no join expresses them in alternating turns.
    case mixedSide = "same-side turns of different roles"
    /// A system turn after the conversation started.
    case midSystem = "system turn inside the conversation"
    /// The conversation does not end with an assistant turn (nothing to train on at the end).
    case noFinalAnswer = "no final assistant turn"
    /// No assistant turn anywhere (the OpenAI API needs at least one).
    case noAssistant = "no assistant turn"
    /// No turns besides the system prompt.
    case empty = "no turns"

    /// True when `--turns merge` can fix it without losing what the model should learn.
    public var isRepairable: Bool {
        switch self {
        case .leadingAssistant, .consecutiveUser, .consecutiveAssistant, .consecutiveTool, .midSystem: return true
        case .mixedSide, .noFinalAnswer, .noAssistant, .empty: return false
        }
    }
}
