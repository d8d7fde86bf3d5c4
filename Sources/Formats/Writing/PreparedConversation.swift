/// A row's conversation made ready for one layout: the row's output (a new or scrubbed completion) as the
/// final answer, the leading system prompt split off, and the `--turns` policy applied under the layout's
/// turn rule. Shared by every conversational layout so they repair and skip alike.
struct PreparedConversation {
    var system: String?
    var turns: [ConversationTurn]
    var conversation: Conversation
    /// What was repaired, one entry per change (`turns merged: consecutive user turns`).
    var notes: [String]

    /// The prepared conversation, or the reason the row is left out.
    static func prepare(
        _ stored: Conversation, output: String?, alternation: TurnAlternation, policy: TurnPolicy
    ) -> Result<PreparedConversation, SkipReason> {
        var conversation = stored
        withFinalAnswer(output, in: &conversation.turns)
        let arrangement = alternation.arrange(conversation.turns)
        var prepared = PreparedConversation(
            system: arrangement.systemText, turns: [], conversation: conversation, notes: [])
        switch policy {
        case .keep:
            prepared.turns = Array(conversation.turns.dropFirst(arrangement.leadingSystem.count))
        case .skip:
            if let fault = arrangement.faults.first { return .failure(SkipReason(fault)) }
            prepared.turns = arrangement.turns
        case .merge:
            if let fault = arrangement.unrepairable { return .failure(SkipReason(fault)) }
            prepared.turns = arrangement.turns
            prepared.notes = arrangement.faults.map { "turns repaired (\($0.rawValue))" }
        }
        return .success(prepared)
    }

    /// A reason for leaving a row out, as the summary counts it.
    struct SkipReason: Error {
        let text: String
        init(_ fault: TurnOrderFault) { text = "turn order: \(fault.rawValue)" }
        init(text: String) { self.text = text }
    }

    /// The row's output ends the conversation: it replaces a final assistant turn whose text differs, or
    /// follows a final user turn or tool result (a completion generated for the conversation).
    static func withFinalAnswer(_ output: String?, in turns: inout [ConversationTurn]) {
        guard let output, let last = turns.last else { return }
        switch last.role {
        case .assistant where last.text != output:
            turns[turns.count - 1].text = output
            turns[turns.count - 1].contentParts = nil
        case .user, .toolResult:
            turns.append(ConversationTurn(role: .assistant, text: output))
        default:
            break
        }
    }

    /// One note per assistant turn whose `weight` 0 the layout cannot express (it will be trained).
    func unexpressedWeights(layout: String) -> [String] {
        let count = turns.filter { $0.weight == 0 }.count
        return Array(repeating: "weight 0 not expressible in \(layout) (turn trained)", count: count)
    }
}
