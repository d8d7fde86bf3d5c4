/// The turn-order rule of a target and the repair `--turns merge` makes. With `strict` (LLaMA-Factory), an
/// optional leading system prompt is followed by prompt-side and response-side turns in alternation, ending
/// on a response; with `loose` (OpenAI fine-tuning) any order is accepted as long as one assistant turn exists.
public struct TurnAlternation: Sendable {
    /// The order LLaMA-Factory's Alpaca and ShareGPT converters accept.
    public static let strict = TurnAlternation(requiresAlternation: true)
    /// The order the OpenAI fine-tuning API accepts.
    public static let loose = TurnAlternation(requiresAlternation: false)

    public let requiresAlternation: Bool

    /// A conversation laid out for the target: the leading system turns, the rest of the turns (repaired),
    /// every fault met (one entry per occurrence) and the first fault no repair can fix.
    public struct Arrangement: Sendable, Equatable {
        public var leadingSystem: [ConversationTurn] = []
        public var turns: [ConversationTurn] = []
        public var faults: [TurnOrderFault] = []
        public var unrepairable: TurnOrderFault?

        /// The leading system turns' text, joined by a blank line; nil when there is none.
        public var systemText: String? {
            leadingSystem.isEmpty ? nil : leadingSystem.map(\.text).joined(separator: "\n\n")
        }
    }

    /// Lays `turns` out under this rule, repairing what `merge` repairs; `faults` says what was changed.
    public func arrange(_ turns: [ConversationTurn]) -> Arrangement {
        var result = Arrangement()
        var index = turns.startIndex
        while index < turns.endIndex, turns[index].role == .system {
            result.leadingSystem.append(turns[index])
            index += 1
        }
        guard requiresAlternation else {
            result.turns = Array(turns[index...])
            if result.turns.isEmpty {
                result.faults.append(.empty)
                result.unrepairable = .empty
            } else if !result.turns.contains(where: { $0.role == .assistant || $0.role == .toolCall }) {
                result.faults.append(.noAssistant)
                result.unrepairable = .noAssistant
            }
            return result
        }
        for turn in turns[index...] {
            if turn.role == .system {
                result.faults.append(.midSystem)
                continue
            }
            guard let last = result.turns.last else {
                if turn.role.isPromptSide {
                    result.turns.append(turn)
                } else {
                    result.faults.append(.leadingAssistant)
                }
                continue
            }
            guard last.role.isPromptSide == turn.role.isPromptSide else {
                result.turns.append(turn)
                continue
            }
            if last.role == turn.role {
                result.faults.append(Self.consecutiveFault(turn.role))
                result.turns[result.turns.count - 1] = Self.joined(last, turn)
            } else {
                result.faults.append(.mixedSide)
                if result.unrepairable == nil { result.unrepairable = .mixedSide }
                result.turns.append(turn)
            }
        }
        if result.turns.isEmpty {
            result.faults.append(.empty)
            result.unrepairable = result.unrepairable ?? .empty
        } else if result.turns.last?.role.isPromptSide == true {
            result.faults.append(.noFinalAnswer)
            result.unrepairable = result.unrepairable ?? .noFinalAnswer
        }
        return result
    }

    /// The faults of the stored order that import reports: ordering only (a conversation that ends on a
    /// user turn is a prompt waiting for a completion, not a fault).
    public func orderFaults(_ turns: [ConversationTurn]) -> [TurnOrderFault] {
        arrange(turns).faults.filter { $0 != .noFinalAnswer && $0 != .empty && $0 != .noAssistant }
    }

    private static func consecutiveFault(_ role: ConversationTurn.Role) -> TurnOrderFault {
        switch role {
        case .user: return .consecutiveUser
        case .assistant: return .consecutiveAssistant
        case .toolCall, .toolResult: return .consecutiveTool
        case .system: return .midSystem
        }
    }

    /// Two same-role turns as one: texts joined by a blank line; tool calls joined into a JSON list of calls
    /// (LLaMA-Factory reads a list in a `function_call` turn as parallel calls). A weight of 0 survives only
    /// when both turns had it.
    static func joined(_ first: ConversationTurn, _ second: ConversationTurn) -> ConversationTurn {
        var turn = first
        turn.contentParts = nil
        if first.weight != nil || second.weight != nil {
            turn.weight = first.weight == 0 && second.weight == 0 ? 0 : 1
        }
        if first.role == .toolCall {
            let calls = callList(first.text) + callList(second.text)
            turn.text = JSONTextWriter.compact(.array(calls))
            turn.callName = nil
            turn.callArguments = nil
        } else {
            turn.text = first.text + "\n\n" + second.text
        }
        return turn
    }

    private static func callList(_ text: String) -> [JSONValue] {
        guard let parsed = try? JSONValue.parse(text) else { return [.string(text)] }
        return parsed.arrayValue ?? [parsed]
    }
}
