/// A model family's chat template as the exact strings its tokenizer's `chat_template` renders, for Magpie's
/// raw prompts (Xu et al. 2024, "Magpie: Alignment Data Synthesis from Scratch by Prompting Aligned LLMs
/// with Nothing"): send everything up to the start of a user turn and the model writes a user query.
///
/// Each family's strings were checked against the model's own `tokenizer_config.json` chat template
/// (and the token ids against its tokenizer); see `ChatTemplate.all`. Rendering is pure string building.
public struct ChatTemplate: Sendable, Equatable {
    /// How a system prompt is written.
    public enum SystemStyle: Sendable, Equatable {
        /// `prefix + text + suffix` before the first user turn (ChatML, Llama 3, Phi-3, GLM-4, DeepSeek, Yi).
        case block(prefix: String, suffix: String)
        /// No system role: the text opens the first user message followed by `separator` (Gemma, Mistral).
        case insideFirstUser(separator: String)
    }

    /// `--template` name, e.g. `qwen2.5`.
    public var name: String
    /// The beginning-of-sequence text the template itself writes (`<|begin_of_text|>`, `<bos>`, ""…).
    public var bos: String
    public var system: SystemStyle
    /// The system prompt the template inserts when the conversation has none (Qwen2, Qwen2.5).
    public var defaultSystem: String?
    public var userHeader: String
    public var userEnd: String
    public var assistantHeader: String
    public var assistantEnd: String
    /// Stop strings for a query: the end-of-turn marker first, then other special tokens.
    public var stopStrings: [String]
    /// The same markers as token ids, for servers that strip special tokens from the text (vLLM).
    public var stopTokenIDs: [Int]
    /// Lower-cased substrings of served model names that select this template, most specific first.
    public var modelPatterns: [String]
    /// Sampling temperature for queries (Magpie samples queries at about 1.0) and for answers.
    public var queryTemperature: Double
    public var answerTemperature: Double

    /// The raw prompt that makes the model write the next user query: the template up to and including the
    /// user header after `history` (earlier user/assistant turns). `system` nil uses `defaultSystem`.
    public func queryPrompt(system: String?, history: [(user: String, assistant: String)] = [], includeBOS: Bool = true) -> String {
        var prompt = includeBOS ? bos : ""
        let systemText = system ?? defaultSystem
        var pendingSystem: String?
        switch self.system {
        case .block(let prefix, let suffix):
            if let systemText { prompt += prefix + systemText + suffix }
        case .insideFirstUser(let separator):
            pendingSystem = systemText.map { $0 + separator }
        }
        for turn in history {
            prompt += userHeader + (pendingSystem ?? "") + turn.user + userEnd + assistantHeader + turn.assistant + assistantEnd
            pendingSystem = nil
        }
        return prompt + userHeader + (pendingSystem ?? "")
    }

    /// The raw prompt that makes the model answer `user` after `history`: the query prompt, the query, the end
    /// of the user turn and the assistant header.
    public func answerPrompt(
        system: String?, history: [(user: String, assistant: String)] = [], user: String, includeBOS: Bool = true
    ) -> String {
        queryPrompt(system: system, history: history, includeBOS: includeBOS) + user + userEnd + assistantHeader
    }

    /// Stop strings for an answer: the end of the assistant turn and the special tokens that begin a turn.
    public var answerStopStrings: [String] {
        var stops = [assistantEnd.trimmingCharacters(in: .newlines)].filter { !$0.isEmpty }
        for stop in stopStrings where !stops.contains(stop) { stops.append(stop) }
        return stops
    }
}
