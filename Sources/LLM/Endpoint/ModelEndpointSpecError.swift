/// Why a `--models` value cannot be read; messages name the item.
public enum ModelEndpointSpecError: Error, Hashable, Sendable, CustomStringConvertible {
    /// an item between commas is empty
    case emptyItem
    /// an item is not NAME, NAME@dashscope, NAME@openai or NAME@URL
    case badItem(String, String)
    /// the same model is named twice
    case repeatedModel(String)

    public var description: String {
        switch self {
        case .emptyItem: "--models has an empty item; write e.g. qwen-plus@dashscope,llama3@http://localhost:11434/v1"
        case .badItem(let item, let reason): "--models item '\(item)': \(reason)"
        case .repeatedModel(let model): "--models names '\(model)' twice; each model is asked once per sample"
        }
    }
}
