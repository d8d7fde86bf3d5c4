/// What one trainer accepts in one record. `problems` returns why the trainer would drop or reject the
/// record (short lowercase reasons, the same text for the same fault so they can be counted); empty means
/// the record is read as intended.
public protocol TrainerRules: Sendable {
    /// The trainer, for messages: `LLaMA-Factory (sharegpt)`, `OpenAI fine-tuning`, `TRL`.
    var trainer: String { get }
    func problems(in record: [String: JSONValue]) -> [String]
}
