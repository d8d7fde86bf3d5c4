/// Output layouts of `dsbench export`.
public enum ExportFormat: String, Sendable, CaseIterable {
    /// `instruction`, `input`, `output` (+ `system`, `history`, preserved extra fields).
    case alpaca
    /// `conversations[{from, value}]` + `system` + `tools`.
    case sharegpt
    /// `messages[{role, content}]` (+ `tools`), as OpenAI fine-tuning expects.
    case openai
    /// Every column of the `examples` view.
    case jsonl
}
