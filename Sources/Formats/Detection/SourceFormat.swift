/// The dataset layouts dsbench can import; raw values match `sources.format` in the schema and `--format`.
public enum SourceFormat: String, Sendable, CaseIterable {
    /// Self-Instruct seed tasks: `instruction` + `instances[{input, output}]` (+ `is_classification`).
    case selfInstruct = "self-instruct"
    /// Alpaca: `instruction`, `input`, `output` (+ `system`, `history`).
    case alpaca
    /// ShareGPT: `conversations[{from, value}]` (+ `system`, `tools`).
    case sharegpt
    /// OpenAI chat fine-tuning: `messages[{role, content}]` (+ `tools`).
    case openai
    /// CSV with a header row; columns are read like Alpaca fields.
    case csv
    /// Plain text, one instruction per line.
    case text
}
