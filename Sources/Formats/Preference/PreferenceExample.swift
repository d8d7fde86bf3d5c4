/// What a preference layout writes one record from: the prompt and either a chosen/rejected pair (DPO-style
/// layouts) or one answer with a desirable/undesirable label (KTO).
public struct PreferenceExample: Sendable, Equatable {
    /// The answers of the record.
    public enum Responses: Sendable, Equatable {
        case pair(chosen: String, rejected: String)
        case single(completion: String, desirable: Bool)
    }

    public var prompt: PreferencePrompt
    public var responses: Responses

    public init(prompt: PreferencePrompt, responses: Responses) {
        self.prompt = prompt
        self.responses = responses
    }

    /// The checks every layout shares, before any writing: no empty answer, and a pair's two answers differ
    /// (compared after trimming surrounding whitespace, as the trainers' tokenizers would make them equal).
    public func problem() -> PreferenceSkip? {
        switch responses {
        case .pair(let chosen, let rejected):
            let a = chosen.trimmingWhitespace, b = rejected.trimmingWhitespace
            if a.isEmpty || b.isEmpty { return .emptyAnswer }
            if a == b { return .equalAnswers }
        case .single(let completion, _):
            if completion.trimmingWhitespace.isEmpty { return .emptyAnswer }
        }
        return nil
    }
}

extension String {
    fileprivate var trimmingWhitespace: Substring {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return Substring(scalars[start...end])
    }
}
